import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { japanDate } from '../common/japan-time.js';
import { inTransaction } from '../database/transaction.js';
import { Notices } from './notices.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A request this close to its deadline without enough people is a coordinator's to chase. */
export const SHORT_NEAR_DEADLINE_MS = 3 * DAY_MS;
/** Jobs are queued again only for what is due this soon; later ones are found by a later sweep. */
const REQUEUE_WITHIN_MS = DAY_MS;
/** A send that has not finished in this long was cut off by a process that stopped. */
const SENDING_GIVEN_UP_AFTER_MS = 10 * 60_000;

/** Open requests near their deadline with fewer committed people than they need. */
const SHORT_REQUESTS = `
  SELECT r.id, r.deadline, r.district_code FROM requests r
   WHERE r.status = 'open' AND r.deadline BETWEEN $1 AND $2
     AND (SELECT count(*) FROM proposals p
           WHERE p.request_id = r.id AND p.status IN ('approved', 'accepted')) < r.need`;

/** The worker's rounds: the periodic sweep and the coordinators' morning digest. */
@Injectable()
export class NotificationRounds {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: Notices,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<{ requeued: number; interrupted: number; short: number }> {
    const now = this.clock.now();
    const due = await this.dataSource.query<{ id: string; send_at: Date }[]>(
      `SELECT id, send_at FROM notifications WHERE status = 'queued' AND send_at <= $1`,
      [new Date(now.getTime() + REQUEUE_WITHIN_MS)],
    );
    await this.notices.requeue(due.map((row) => ({ id: row.id, sendAt: row.send_at })));
    const [, interrupted] = await this.dataSource.query<[unknown, number]>(
      `UPDATE notifications SET status = 'failed', updated_at = now(),
              outcome = 'interrupted while sending; not sent again so that it cannot arrive twice'
        WHERE status = 'sending' AND updated_at < $1`,
      [new Date(now.getTime() - SENDING_GIVEN_UP_AFTER_MS)],
    );
    const short = await this.dataSource.query<{ id: string; deadline: Date }[]>(SHORT_REQUESTS, [
      now,
      new Date(now.getTime() + SHORT_NEAR_DEADLINE_MS),
    ]);
    for (const request of short) {
      await inTransaction(this.dataSource, (manager) =>
        this.notices.requestShort(manager, request.id, request.deadline),
      );
    }
    return { requeued: due.length, interrupted, short: short.length };
  }

  /** One digest per coordinator per day, only to those with something waiting in their districts. */
  async digest(): Promise<{ digests: number }> {
    const now = this.clock.now();
    const rows = await this.dataSource.query<
      {
        id: string;
        pending_residents: number;
        awaiting_approval: number;
        short_requests: number;
        to_replace: number;
      }[]
    >(
      `WITH coordinator AS (
         SELECT id, district_codes FROM accounts WHERE role = 'coordinator' AND status = 'active'),
       covered_request AS (
         SELECT c.id AS coordinator_id, r.* FROM coordinator c JOIN requests r
           ON r.status = 'open'
          AND (c.district_codes IS NULL OR r.district_code IS NULL OR r.district_code = ANY(c.district_codes)))
       SELECT c.id,
              (SELECT count(*)::int FROM volunteers v WHERE v.status = 'pending_review'
                  AND (c.district_codes IS NULL OR v.home_district_code = ANY(c.district_codes))) AS pending_residents,
              (SELECT count(*)::int FROM proposals p JOIN covered_request r ON r.id = p.request_id
                WHERE r.coordinator_id = c.id AND p.status = 'proposed') AS awaiting_approval,
              (SELECT count(*)::int FROM covered_request r WHERE r.coordinator_id = c.id AND r.id IN (
                  SELECT id FROM (${SHORT_REQUESTS}) short)) AS short_requests,
              (SELECT count(*)::int FROM covered_request r WHERE r.coordinator_id = c.id
                  AND EXISTS (SELECT 1 FROM proposals p WHERE p.request_id = r.id AND p.status = 'declined')
                  AND (SELECT count(*) FROM proposals p WHERE p.request_id = r.id
                        AND p.status IN ('approved', 'accepted')) < r.need) AS to_replace
         FROM coordinator c`,
      [now, new Date(now.getTime() + SHORT_NEAR_DEADLINE_MS)],
    );
    let digests = 0;
    for (const row of rows) {
      const counts = {
        pendingResidents: row.pending_residents,
        awaitingApproval: row.awaiting_approval,
        shortRequests: row.short_requests,
        toReplace: row.to_replace,
      };
      if (Object.values(counts).every((count) => count === 0)) continue;
      await inTransaction(this.dataSource, (manager) =>
        this.notices.coordinatorDigest(manager, row.id, japanDate(now), counts),
      );
      digests += 1;
    }
    return { digests };
  }
}
