import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import { InvalidInputError, type FieldProblem } from '../common/errors/domain-error.js';
import { DistrictsService } from '../districts/districts.service.js';
import type { FiscalYearQueryDto } from './dto/fiscal-year.dto.js';
import type { FiscalYearReportView, RequestFigures } from './dto/fiscal-year.view.js';
import { gini, histogram } from './spread.js';

/** The first and last day of fiscal year `year` (April 1st to March 31st). */
export function fiscalYearDates(year: number): { from: string; to: string } {
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

/** The part of the city a report covers: some districts (null: all) and one field (null: all). */
export interface ReportScope {
  districtCodes: string[] | null;
  fieldCode: string | null;
}

/**
 * Every query starts from the requests of the year in scope ($1–$2 the year's dates, $3 the districts or
 * null, $4 the field or null). A request belongs to the fiscal year (and month) of its first session, in
 * Japan time; its field is the category of its first required skill (`other` without one); its district
 * `online` when it has none. An activity is a completed proposal of such a request: one resident, its hours.
 */
const SCOPED = `
  WITH scoped_request AS (
    SELECT * FROM (
      SELECT r.id, r.title, r.status, r.need,
             coalesce(r.district_code, 'online') AS district_code,
             coalesce((SELECT k.category_code FROM request_skills rs JOIN skills k ON k.code = rs.skill_code
                        WHERE rs.request_id = r.id AND rs.required ORDER BY rs.skill_code LIMIT 1), 'other') AS field_code,
             to_char(first_slot.starts_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS month
        FROM requests r
        CROSS JOIN LATERAL (SELECT min(starts_at) AS starts_at FROM request_slots WHERE request_id = r.id) first_slot
       WHERE r.status <> 'draft'
         AND (first_slot.starts_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $1::date AND $2::date) r
     WHERE ($3::text[] IS NULL OR district_code = ANY($3::text[])) AND ($4::text IS NULL OR field_code = $4::text)),
  activity AS (
    SELECT p.id, p.volunteer_id, p.hours, r.title, r.district_code, r.field_code, r.month,
           (SELECT coalesce(sum(f.rating), 0) FROM feedback f WHERE f.proposal_id = p.id) AS rating_sum,
           (SELECT count(*) FROM feedback f WHERE f.proposal_id = p.id) AS rating_count
      FROM proposals p JOIN scoped_request r ON r.id = p.request_id
     WHERE p.status = 'completed'),
  request_outcome AS (
    SELECT r.*, CASE
             WHEN r.status = 'cancelled' THEN 'cancelled'
             WHEN people.found >= r.need THEN 'filled'
             WHEN people.found > 0 AND r.status IN ('expired', 'completed') THEN 'partlyFilled'
             WHEN r.status = 'expired' AND people.proposed > 0 THEN 'expiredNotTaken'
             WHEN r.status = 'expired' THEN 'expiredNoCandidate'
             ELSE 'stillOpen' END AS outcome
      FROM scoped_request r
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE p.status IN ('accepted', 'completed')) AS found, count(*) AS proposed
          FROM proposals p WHERE p.request_id = r.id) people)`;

const FIGURES = `count(activity.id)::int AS activities, coalesce(sum(activity.hours), 0)::float AS hours,
                 count(DISTINCT activity.volunteer_id)::int AS residents,
                 round(sum(activity.rating_sum)::numeric / nullif(sum(activity.rating_count), 0), 2)::float AS average_rating,
                 coalesce(sum(activity.rating_count), 0)::int AS ratings`;

const OUTCOMES = `count(request_outcome.id)::int AS opened,
  ${['filled', 'partlyFilled', 'cancelled', 'expiredNotTaken', 'expiredNoCandidate', 'stillOpen']
    .map((outcome) => `count(*) FILTER (WHERE request_outcome.outcome = '${outcome}')::int AS "${outcome}"`)
    .join(',\n  ')}`;

/** The twelve months of the year, each joined to `table` by its `month` column (empty months too). */
const MONTHS = (table: string) => `
  FROM generate_series($1::date, $2::date, interval '1 month') AS m(start)
  CROSS JOIN LATERAL (SELECT to_char(m.start, 'YYYY-MM') AS month) months
  LEFT JOIN ${table} ON ${table}.month = months.month
 GROUP BY months.month ORDER BY months.month`;

type Breakdown = {
  activities: number;
  hours: number;
  residents: number;
  average_rating: number | null;
  ratings: number;
};

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly districts: DistrictsService,
  ) {}

  /**
   * The scope asked for, checked: known district and field codes, and for a coordinator limited to some
   * districts only those (all of them when no district is asked for).
   */
  async scopeFor(query: FiscalYearQueryDto, actor: Actor): Promise<ReportScope> {
    const problems: FieldProblem[] = [];
    const { districtCode, fieldCode } = query;
    if (districtCode !== undefined && districtCode !== 'online') {
      if ((await this.districts.unknownCodes([districtCode])).length > 0)
        problems.push({
          field: 'districtCode',
          code: 'validation.unknownDistrict',
          params: { id: districtCode },
        });
      else if (actor.districtCodes && !actor.districtCodes.includes(districtCode))
        problems.push({ field: 'districtCode', code: 'validation.outsideYourDistricts' });
    }
    if (fieldCode !== undefined && fieldCode !== 'other') {
      const known = await this.dataSource.query<unknown[]>('SELECT 1 FROM skill_categories WHERE code = $1', [
        fieldCode,
      ]);
      if (known.length === 0)
        problems.push({ field: 'fieldCode', code: 'validation.unknownField', params: { id: fieldCode } });
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
    return {
      districtCodes: districtCode !== undefined ? [districtCode] : (actor.districtCodes ?? null),
      fieldCode: fieldCode ?? null,
    };
  }

  async fiscalYear(year: number, scope: ReportScope): Promise<FiscalYearReportView> {
    const { from, to } = fiscalYearDates(year);
    const query = <T>(sql: string) =>
      this.dataSource.query<T[]>(`${SCOPED} ${sql}`, [from, to, scope.districtCodes, scope.fieldCode]);
    const [totals] = await query<Breakdown & { first_time: number }>(
      `SELECT ${FIGURES},
              count(DISTINCT volunteer_id) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM proposals earlier
                  JOIN request_slots s ON s.request_id = earlier.request_id
                 WHERE earlier.volunteer_id = activity.volunteer_id AND earlier.status = 'completed'
                   AND (s.starts_at AT TIME ZONE 'Asia/Tokyo')::date < $1::date))::int AS first_time
         FROM activity`,
    );
    /** Rows of `figures` over `table` by field, by district (largest first) and by month (all twelve). */
    const breakdowns = async <T>(figures: string, table: string, largest: string) => ({
      byField: await query<T & { field_code: string }>(
        `SELECT field_code, ${figures} FROM ${table} GROUP BY field_code ORDER BY ${largest} DESC, field_code`,
      ),
      byDistrict: await query<T & { district_code: string }>(
        `SELECT district_code, ${figures} FROM ${table} GROUP BY district_code ORDER BY ${largest} DESC, district_code`,
      ),
      byMonth: await query<T & { month: string }>(`SELECT months.month, ${figures} ${MONTHS(table)}`),
    });
    const { byField, byDistrict, byMonth } = await breakdowns<Breakdown>(FIGURES, 'activity', 'activities');
    // Who could have taken part: active residents living in the scope's districts (or available online,
    // for `online`) with a skill in its field, and anyone who did.
    const perResident = await query<{ activities: number }>(
      `SELECT count(activity.id)::int AS activities
         FROM volunteers v LEFT JOIN activity ON activity.volunteer_id = v.id
        WHERE (v.status = 'active'
               AND ($3::text[] IS NULL OR v.home_district_code = ANY($3::text[])
                    OR (v.online_available AND 'online' = ANY($3::text[])))
               AND ($4::text IS NULL OR EXISTS (
                     SELECT 1 FROM volunteer_skills vs JOIN skills k ON k.code = vs.skill_code
                      WHERE vs.volunteer_id = v.id AND k.category_code = $4::text)))
           OR activity.id IS NOT NULL
        GROUP BY v.id`,
    );
    const satisfaction = await query<{
      side: 'volunteer' | 'requester';
      average: number | null;
      responses: number;
    }>(
      `SELECT sides.side, round(avg(f.rating), 2)::float AS average, count(f.id)::int AS responses
         FROM (VALUES ('volunteer'), ('requester')) AS sides(side)
         LEFT JOIN feedback f ON f.side = sides.side AND f.proposal_id IN (SELECT id FROM activity)
        GROUP BY sides.side ORDER BY sides.side DESC`,
    );
    const comments = await query<{
      side: 'volunteer' | 'requester';
      rating: number;
      comment: string;
      title: string;
      field_code: string;
      district_code: string;
      month: string;
      created_at: Date;
    }>(
      `SELECT f.side, f.rating, f.comment, activity.title, activity.field_code, activity.district_code,
              activity.month, f.created_at
         FROM feedback f JOIN activity ON activity.id = f.proposal_id
        WHERE f.rating <= 3 AND f.comment <> ''
        ORDER BY f.created_at DESC`,
    );
    const [requestTotals] = await query<RequestFigures>(`SELECT ${OUTCOMES} FROM request_outcome`);
    const requestsBy = await breakdowns<RequestFigures>(OUTCOMES, 'request_outcome', 'opened');
    const counts = perResident.map((row) => row.activities);
    const breakdown = ({ average_rating, ...figures }: Breakdown) => ({
      ...figures,
      averageRating: average_rating,
    });
    return {
      year,
      from,
      to,
      scope,
      totals: {
        activities: totals.activities,
        hours: totals.hours,
        residents: totals.residents,
        firstTimeResidents: totals.first_time,
        firstTimeShare:
          totals.residents === 0 ? 0 : Math.round((totals.first_time / totals.residents) * 1000) / 1000,
      },
      byField: byField.map(({ field_code, ...figures }) => ({
        fieldCode: field_code,
        ...breakdown(figures),
      })),
      byDistrict: byDistrict.map(({ district_code, ...figures }) => ({
        districtCode: district_code,
        ...breakdown(figures),
      })),
      byMonth: byMonth.map(({ month, ...figures }) => ({ month, ...breakdown(figures) })),
      spread: { gini: gini(counts), histogram: histogram(counts) },
      satisfaction,
      commentsToActOn: comments.map(({ title, created_at, field_code, district_code, ...comment }) => ({
        ...comment,
        requestTitle: title,
        fieldCode: field_code,
        districtCode: district_code,
        givenAt: created_at,
      })),
      requests: {
        totals: requestTotals,
        byField: requestsBy.byField.map(({ field_code, ...figures }) => ({
          fieldCode: field_code,
          ...figures,
        })),
        byDistrict: requestsBy.byDistrict.map(({ district_code, ...figures }) => ({
          districtCode: district_code,
          ...figures,
        })),
        byMonth: requestsBy.byMonth,
      },
    };
  }
}
