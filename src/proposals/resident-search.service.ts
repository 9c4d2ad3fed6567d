import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { mayHandleRequest } from '../common/actor/access.js';
import type { Actor } from '../common/actor/actor.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { JAPAN_TIME_ZONE } from '../common/japan-time.js';
import { Page } from '../common/pagination/pagination.js';
import {
  residentFilters,
  residentSummary,
  residentSummaryColumns,
  type ResidentSummaryRow,
} from '../directory/resident-filters.js';
import { ActivityRequest } from '../requests/activity-request.entity.js';
import type { ResidentMatchView, ResidentSearchQueryDto } from './dto/resident-search.dto.js';
import type { ProposalStatus } from './proposal.entity.js';

const local = (instant: string) => `(${instant} AT TIME ZONE '${JAPAN_TIME_ZONE}')`;

/**
 * Resident `v` is free for every session of request `req`: each lies inside one of their weekly windows
 * (in Japan time, on one day), none falls on a day off, and nothing else they are booked for overlaps it.
 */
const FREE_FOR_SESSIONS = `NOT EXISTS (
  SELECT 1 FROM request_slots s
   WHERE s.request_id = req.id
     AND (NOT EXISTS (SELECT 1 FROM availability_windows w
                       WHERE w.volunteer_id = v.id
                         AND w.weekday = extract(isodow FROM ${local('s.starts_at')})
                         AND ${local('s.starts_at')}::date = ${local('s.ends_at')}::date
                         AND w.start_time <= ${local('s.starts_at')}::time
                         AND w.end_time >= ${local('s.ends_at')}::time)
          OR EXISTS (SELECT 1 FROM unavailable_dates u
                      WHERE u.volunteer_id = v.id AND u.date = ${local('s.starts_at')}::date)
          OR EXISTS (SELECT 1 FROM bookings b JOIN proposals p ON p.id = b.proposal_id
                      WHERE b.volunteer_id = v.id AND p.request_id <> req.id
                        AND b.during && tstzrange(s.starts_at, s.ends_at))))`;

/**
 * A coordinator's search for someone to add to a request by hand: active residents of the districts they
 * cover (listed publicly or not), by the public register's filters and by name, those free for every
 * session first, each with where they already stand with the request.
 */
@Injectable()
export class ResidentSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(
    requestId: string,
    query: ResidentSearchQueryDto,
    actor: Actor,
  ): Promise<Page<ResidentMatchView>> {
    const request = await this.dataSource.getRepository(ActivityRequest).findOneBy({ id: requestId });
    if (!request || !mayHandleRequest(actor, request)) throw new NotFoundError('request', requestId);
    const { sql, params } = residentFilters(query);
    const from = `volunteers v CROSS JOIN (SELECT $6::uuid AS id) req`;
    const filters = `v.status = 'active' AND ${sql}
        AND ($7::text IS NULL OR v.name ILIKE $7 OR v.name_kana ILIKE $7)
        AND ($8::text[] IS NULL OR v.home_district_code = ANY ($8))
        ${query.freeForSessions ? `AND ${FREE_FOR_SESSIONS}` : ''}`;
    const all = [...params, requestId, query.q ? `%${query.q}%` : null, actor.districtCodes ?? null];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${from} WHERE ${filters}`,
      all,
    );
    const rows: (ResidentSummaryRow & {
      id: string;
      name: string;
      name_kana: string;
      free_for_sessions: boolean;
      proposal_status: ProposalStatus | null;
    })[] = await this.dataSource.query(
      `SELECT v.id, v.name, v.name_kana, ${residentSummaryColumns},
              ${FREE_FOR_SESSIONS} AS free_for_sessions,
              (SELECT p.status FROM proposals p WHERE p.request_id = req.id AND p.volunteer_id = v.id) AS proposal_status
         FROM ${from}
        WHERE ${filters}
        ORDER BY free_for_sessions DESC, v.name_kana, v.id
        LIMIT $9 OFFSET $10`,
      [...all, query.perPage, query.skip],
    );
    return Page.of(
      rows.map((row) => ({
        id: row.id,
        name: row.name,
        nameKana: row.name_kana,
        ...residentSummary(row),
        freeForSessions: row.free_for_sessions,
        proposalStatus: row.proposal_status,
      })),
      total,
      query,
    );
  }
}
