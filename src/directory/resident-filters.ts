import { FREE_TIMES, type FreeTime, type InstructorQueryDto } from './dto/instructor-query.dto.js';

/** Evening starts at 17:00, as the city's courses count it; Saturday and Sunday are the weekend. */
const WHEN_FREE: Record<FreeTime, string> = {
  weekdayDaytime: `a.weekday BETWEEN 1 AND 5 AND a.start_time < '17:00'`,
  evening: `a.end_time > '17:00'`,
  weekend: `a.weekday IN (6, 7)`,
};

/** Whether resident `v` has a weekly window at that time of the week. */
const freeAt = (when: FreeTime) =>
  `EXISTS (SELECT 1 FROM availability_windows a WHERE a.volunteer_id = v.id AND ${WHEN_FREE[when]})`;

/**
 * The public register's filters on resident `v` (field, skill, district, online, language, free time),
 * as SQL conditions with their parameters numbered from `$1`; the coordinator's search by hand uses the
 * same ones.
 */
export function residentFilters(query: InstructorQueryDto): { sql: string; params: unknown[] } {
  return {
    sql: `($1::text IS NULL OR EXISTS (SELECT 1 FROM volunteer_skills s JOIN skills k ON k.code = s.skill_code
                                         WHERE s.volunteer_id = v.id AND k.category_code = $1))
        AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM volunteer_skills s WHERE s.volunteer_id = v.id AND s.skill_code = $2))
        AND ($3::text IS NULL OR v.home_district_code = $3
             OR EXISTS (SELECT 1 FROM volunteer_travel_districts d WHERE d.volunteer_id = v.id AND d.district_code = $3))
        AND ($4::boolean IS NULL OR v.online_available = $4)
        AND ($5::text IS NULL OR $5 = ANY (v.languages))
        ${query.freeAt ? `AND ${freeAt(query.freeAt)}` : ''}`,
    params: [
      query.fieldCode ?? null,
      query.skillCode ?? null,
      query.districtCode ?? null,
      query.online ?? null,
      query.language ?? null,
    ],
  };
}

/** What both lists show of a resident besides their name: districts, online, languages, skills, free times. */
export const residentSummaryColumns = `v.home_district_code, v.online_available, v.languages,
       array(SELECT d.district_code FROM volunteer_travel_districts d
              WHERE d.volunteer_id = v.id ORDER BY d.district_code) AS travel,
       (SELECT coalesce(json_agg(json_build_object('skillCode', s.skill_code, 'level', s.level)
                                 ORDER BY s.level DESC, s.skill_code), '[]')
          FROM volunteer_skills s WHERE s.volunteer_id = v.id) AS skills,
       ${FREE_TIMES.map((when) => `${freeAt(when)} AS "${when}"`).join(', ')}`;

export type ResidentSummaryRow = {
  home_district_code: string;
  online_available: boolean;
  languages: string[];
  travel: string[];
  skills: { skillCode: string; level: number }[];
} & Record<FreeTime, boolean>;

export function residentSummary(row: ResidentSummaryRow) {
  return {
    homeDistrictCode: row.home_district_code,
    travelDistrictCodes: row.travel,
    online: row.online_available,
    languages: row.languages,
    skills: row.skills,
    freeAt: FREE_TIMES.filter((when) => row[when]),
  };
}
