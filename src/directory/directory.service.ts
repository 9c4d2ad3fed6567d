import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors/domain-error.js';
import { Page } from '../common/pagination/pagination.js';
import { displayName } from '../proposals/dto/proposal.view.js';
import type { InstructorQueryDto } from './dto/instructor-query.dto.js';
import type { CourseQueryDto } from './dto/course-query.dto.js';
import type { PublicCourseDetailView, PublicCourseView } from './dto/course.view.js';
import type { PublicInstructorView } from './dto/instructor.view.js';
import {
  residentFilters,
  residentSummary,
  residentSummaryColumns,
  type ResidentSummaryRow,
} from './resident-filters.js';

/** What anyone may see without an account: residents who asked to be listed publicly. */
@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async instructors(query: InstructorQueryDto): Promise<Page<PublicInstructorView>> {
    const { sql, params } = residentFilters(query);
    const filters = `v.status = 'active' AND v.listed_publicly AND ${sql}`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM volunteers v WHERE ${filters}`,
      params,
    );
    const rows: (ResidentSummaryRow & { name: string })[] = await this.dataSource.query(
      `SELECT v.name, ${residentSummaryColumns}
         FROM volunteers v
        WHERE ${filters}
        ORDER BY v.name_kana, v.id
        LIMIT $6 OFFSET $7`,
      [...params, query.perPage, query.skip],
    );
    return Page.of(
      rows.map((row) => ({ displayName: displayName(row.name), ...residentSummary(row) })),
      total,
      query,
    );
  }

  /**
   * Learning information (学習情報): courses community groups planned whose instructor has accepted,
   * with a session still to come, soonest first.
   */
  async courses(query: CourseQueryDto, now: Date): Promise<Page<PublicCourseView>> {
    const when = {
      evening: `(s.ends_at AT TIME ZONE 'Asia/Tokyo')::time > '17:00'`,
      weekend: `extract(isodow FROM s.starts_at AT TIME ZONE 'Asia/Tokyo') IN (6, 7)`,
    };
    const filters = `
        ${upcomingCourse(`
          AND ($2::date IS NULL OR (s.starts_at AT TIME ZONE 'Asia/Tokyo')::date >= $2::date)
          AND ($3::date IS NULL OR (s.starts_at AT TIME ZONE 'Asia/Tokyo')::date <= $3::date)
          ${query.when ? `AND ${when[query.when]}` : ''}`)}
        AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM request_skills rs JOIN skills k ON k.code = rs.skill_code
                                          WHERE rs.request_id = r.id AND k.category_code = $4))
        AND ($5::text IS NULL OR r.district_code = $5)
        AND ($6::boolean IS NULL OR r.online = $6)
        AND ($7::boolean IS NOT TRUE OR (r.details ->> 'childcareAvailable')::boolean)
        AND ($8::boolean IS NOT TRUE OR r.details -> 'accessibility' ? 'step_free')`;
    const params = [
      now,
      query.from ?? null,
      query.to ?? null,
      query.fieldCode ?? null,
      query.districtCode ?? null,
      query.online ?? null,
      query.childcare ?? null,
      query.stepFree ?? null,
    ];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM requests r WHERE ${filters}`,
      params,
    );
    const items = await this.courseViews(
      `${filters}
        ORDER BY (SELECT min(s.starts_at) FROM request_slots s WHERE s.request_id = r.id AND s.ends_at > $1), r.id
        LIMIT $9 OFFSET $10`,
      [...params, query.perPage, query.skip],
    );
    return Page.of(items, total, query);
  }

  /**
   * One course of learning information, with the display names of its instructors who asked to be
   * listed publicly. Only a course the list would show: anything else is not found.
   */
  async course(id: string, now: Date): Promise<PublicCourseDetailView> {
    const [course] = await this.courseViews(`${upcomingCourse()} AND r.id = $2`, [now, id]);
    if (!course) throw new NotFoundError('course', id);
    // The public register's rule: an instructor appears by display name only when active and listed.
    const instructors: { name: string }[] = await this.dataSource.query(
      `SELECT v.name FROM proposals p JOIN volunteers v ON v.id = p.volunteer_id
        WHERE p.request_id = $1 AND p.status = 'accepted' AND v.status = 'active' AND v.listed_publicly
        ORDER BY v.name_kana, v.id`,
      [id],
    );
    return { ...course, instructorNames: instructors.map((row) => displayName(row.name)) };
  }

  /** Courses as anyone may see them, for `where` (which may go on to order and limit). */
  private async courseViews(where: string, params: unknown[]): Promise<PublicCourseView[]> {
    const rows: {
      id: string;
      title: string;
      description: string;
      organisation_name: string;
      district_code: string | null;
      venue: string | null;
      online: boolean;
      details: {
        capacity: number;
        participantFeeYen: number;
        childcareAvailable?: boolean;
        accessibility?: string[];
      };
      sessions: { startsAt: Date; endsAt: Date }[];
      field_codes: string[];
    }[] = await this.dataSource.query(
      `SELECT r.id, r.title, r.description, o.name AS organisation_name, r.district_code, r.venue, r.online,
              r.details,
              (SELECT json_agg(json_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at) ORDER BY s.starts_at)
                 FROM request_slots s WHERE s.request_id = r.id) AS sessions,
              array(SELECT DISTINCT k.category_code FROM request_skills rs JOIN skills k ON k.code = rs.skill_code
                     WHERE rs.request_id = r.id ORDER BY 1) AS field_codes
         FROM requests r JOIN organisations o ON o.id = r.organisation_id
        WHERE ${where}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      organisationName: row.organisation_name,
      districtCode: row.district_code,
      venue: row.venue,
      online: row.online,
      sessions: row.sessions,
      capacity: row.details.capacity,
      participantFeeYen: row.details.participantFeeYen,
      childcareAvailable: row.details.childcareAvailable ?? false,
      accessibility: row.details.accessibility ?? [],
      fieldCodes: row.field_codes,
    }));
  }
}

/**
 * What makes a request learning information, on `requests r` with `$1` the time now: a community group's
 * course, open or matched, whose instructor accepted, with a session `s` still to come (and meeting
 * `sessionFilter`).
 */
function upcomingCourse(sessionFilter = ''): string {
  return `r.kind = 'course_instructor' AND r.status IN ('open', 'matched')
        AND EXISTS (SELECT 1 FROM proposals p WHERE p.request_id = r.id AND p.status = 'accepted')
        AND EXISTS (SELECT 1 FROM request_slots s WHERE s.request_id = r.id AND s.ends_at > $1 ${sessionFilter})`;
}
