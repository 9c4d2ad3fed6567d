import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FiscalYearReportView } from './dto/fiscal-year.view.js';
import { gini, histogram } from './spread.js';

/** The first and last day of fiscal year `year` (April 1st to March 31st). */
export function fiscalYearDates(year: number): { from: string; to: string } {
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

/**
 * An activity is a completed proposal: one resident, one request, its hours. It falls in the fiscal
 * year (and month) of its request's first session, in Japan time; its field is the category of the
 * request's first required skill.
 */
const ACTIVITIES = `
  WITH activity AS (
    SELECT p.id, p.volunteer_id, p.hours, r.title,
           coalesce(r.district_code, 'online') AS district_code,
           coalesce((SELECT k.category_code FROM request_skills rs JOIN skills k ON k.code = rs.skill_code
                      WHERE rs.request_id = r.id AND rs.required ORDER BY rs.skill_code LIMIT 1), 'other') AS field_code,
           to_char(first_slot.starts_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS month
      FROM proposals p
      JOIN requests r ON r.id = p.request_id
      CROSS JOIN LATERAL (SELECT min(starts_at) AS starts_at FROM request_slots WHERE request_id = r.id) first_slot
     WHERE p.status = 'completed'
       AND (first_slot.starts_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN $1::date AND $2::date)`;

const FIGURES = `count(*)::int AS activities, coalesce(sum(hours), 0)::float AS hours,
                 count(DISTINCT volunteer_id)::int AS residents`;

@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async fiscalYear(year: number): Promise<FiscalYearReportView> {
    const { from, to } = fiscalYearDates(year);
    const query = <T>(sql: string, extra: unknown[] = []) =>
      this.dataSource.query<T[]>(`${ACTIVITIES} ${sql}`, [from, to, ...extra]);
    type Figures = { activities: number; hours: number; residents: number };
    const [totals] = await query<Figures & { first_time: number }>(
      `SELECT ${FIGURES},
              count(DISTINCT volunteer_id) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM proposals earlier
                  JOIN request_slots s ON s.request_id = earlier.request_id
                 WHERE earlier.volunteer_id = activity.volunteer_id AND earlier.status = 'completed'
                   AND (s.starts_at AT TIME ZONE 'Asia/Tokyo')::date < $1::date))::int AS first_time
         FROM activity`,
    );
    const byField = await query<Figures & { field_code: string }>(
      `SELECT field_code, ${FIGURES} FROM activity GROUP BY field_code ORDER BY activities DESC, field_code`,
    );
    const byDistrict = await query<Figures & { district_code: string }>(
      `SELECT district_code, ${FIGURES} FROM activity GROUP BY district_code ORDER BY activities DESC, district_code`,
    );
    const byMonth = await query<Figures & { month: string }>(
      `SELECT months.month, count(activity.id)::int AS activities, coalesce(sum(activity.hours), 0)::float AS hours,
              count(DISTINCT activity.volunteer_id)::int AS residents
         FROM generate_series($1::date, $2::date, interval '1 month') AS m(start)
         CROSS JOIN LATERAL (SELECT to_char(m.start, 'YYYY-MM') AS month) months
         LEFT JOIN activity ON activity.month = months.month
        GROUP BY months.month ORDER BY months.month`,
    );
    const perResident = await query<{ activities: number }>(
      `SELECT count(activity.id)::int AS activities
         FROM volunteers v LEFT JOIN activity ON activity.volunteer_id = v.id
        WHERE v.status = 'active' OR activity.id IS NOT NULL
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
      created_at: Date;
    }>(
      `SELECT f.side, f.rating, f.comment, activity.title, f.created_at
         FROM feedback f JOIN activity ON activity.id = f.proposal_id
        WHERE f.rating <= 3 AND f.comment <> ''
        ORDER BY f.created_at DESC LIMIT 20`,
    );
    const counts = perResident.map((row) => row.activities);
    return {
      year,
      from,
      to,
      totals: {
        activities: totals.activities,
        hours: totals.hours,
        residents: totals.residents,
        firstTimeResidents: totals.first_time,
        firstTimeShare:
          totals.residents === 0 ? 0 : Math.round((totals.first_time / totals.residents) * 1000) / 1000,
      },
      byField: byField.map(({ field_code, ...figures }) => ({ fieldCode: field_code, ...figures })),
      byDistrict: byDistrict.map(({ district_code, ...figures }) => ({
        districtCode: district_code,
        ...figures,
      })),
      byMonth,
      spread: { gini: gini(counts), histogram: histogram(counts) },
      satisfaction,
      commentsToActOn: comments.map(({ title, created_at, ...comment }) => ({
        ...comment,
        requestTitle: title,
        givenAt: created_at,
      })),
    };
  }
}
