import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JAPAN_TIME_ZONE } from '../common/japan-time.js';
import type { Revisioned } from './matching-trigger.service.js';
import { haversineKm, type CandidateFacts, type RequiredSkillFact, type SkillFact } from './scoring.js';

/** How far back a resident's activities count against them in the fairness part of the score. */
const FAIRNESS_WINDOW = '12 months';

export interface CandidateRow {
  requestId: string;
  volunteerId: string;
  requiredSkills: RequiredSkillFact[];
  preferredSkills: SkillFact[];
  relevantOutcomes: string[];
  recentActivities: number;
  /** Centres of the resident's home district and of the request's district (null when it has none). */
  home: { latitude: number; longitude: number };
  venue: { latitude: number; longitude: number } | null;
  online: boolean;
}

/** What the scoring functions need to know about a candidate. */
export function candidateFacts(candidate: CandidateRow): CandidateFacts {
  const distanceKm =
    candidate.online || !candidate.venue ? null : haversineKm(candidate.home, candidate.venue);
  return {
    requiredSkills: candidate.requiredSkills,
    preferredSkills: candidate.preferredSkills,
    relevantOutcomes: candidate.relevantOutcomes,
    distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    recentActivities: candidate.recentActivities,
  };
}

/** What a city-wide plan starts from: the seats still open and what each active resident can still take. */
export interface PlanningState {
  requests: { id: string; seats: number; slots: [string, string][] }[];
  volunteers: { id: string; cap: number }[];
  /** Pairs currently proposed (awaiting a coordinator) for open requests. */
  proposed: { requestId: string; volunteerId: string }[];
}

/**
 * Who may take which open request, decided in SQL: an active resident who agreed to the current privacy
 * notice, with every required
 * skill at its level, free for every session (inside a weekly window, not on a day off), able to reach
 * the place or work online, speaking one of the languages a family needs help in, with no confirmed activity
 * at an overlapping time, and under their monthly cap in every month the request touches. Residents already decided on for the request are left out.
 */
@Injectable()
export class MatchingRepository {
  /**
   * The rules are checked on the pairs found by joining on place and skill (at M size some 44,000 of the
   * 2.5 million request × resident pairs), against what they read of each resident and request gathered
   * once, not looked up pair by pair (which took 15–19 s at M size).
   */
  async findCandidates(
    manager: EntityManager,
    filter: { requestIds: string[]; volunteerId?: string },
    now: Date,
    privacyNoticeVersion: string,
  ): Promise<CandidateRow[]> {
    // JIT off: the planner cannot size the CTEs and prices every rule's fallback subquery as if each pair
    // ran it, so it would first compile the statement's few hundred expressions to machine code, which
    // takes longer (about 1.5 s at M size) than running it. SET LOCAL needs a transaction: inside a
    // caller's, this one is a savepoint, and the setting holds until the caller's transaction ends.
    const rows: Record<string, unknown>[] = await manager.transaction(async (tx) => {
      await tx.query(`SET LOCAL jit = off`);
      return tx.query(
        `
      WITH
           -- The requests asked about, each with its skills in order of code (the first required one finds pairs).
           req AS MATERIALIZED (
             SELECT r.id, r.kind, r.details, r.online, r.district_code,
                    skill.required_codes[1] AS first_skill, skill.required_levels[1] AS first_level,
                    coalesce(skill.required_count, 0) AS required_count,
                    coalesce(skill.codes, '{}') AS skill_codes,
                    coalesce(skill.required, '{}') AS skill_required,
                    coalesce(skill.min_levels, '{}') AS skill_min_levels
               FROM requests r
               LEFT JOIN (SELECT rs.request_id,
                                 count(*) FILTER (WHERE rs.required) AS required_count,
                                 array_agg(rs.skill_code ORDER BY rs.skill_code) FILTER (WHERE rs.required) AS required_codes,
                                 array_agg(rs.min_level ORDER BY rs.skill_code) FILTER (WHERE rs.required) AS required_levels,
                                 array_agg(rs.skill_code ORDER BY rs.skill_code) AS codes,
                                 array_agg(rs.required ORDER BY rs.skill_code) AS required,
                                 array_agg(rs.min_level ORDER BY rs.skill_code) AS min_levels
                            FROM request_skills rs
                           WHERE rs.request_id = ANY($1::uuid[])
                           GROUP BY rs.request_id) skill ON skill.request_id = r.id
              WHERE r.id = ANY($1::uuid[])),
           resident AS MATERIALIZED (
             SELECT v.id, v.home_district_code, v.online_available, v.languages, v.monthly_cap
               FROM volunteers v
              WHERE v.status = 'active' AND v.consent_version = $5
                AND ($2::uuid IS NULL OR v.id = $2::uuid)),
           -- Where a request takes place and where a resident can work: districts, and 'online' on both
           -- sides for online work (a district of that name would only bring more pairs to check).
           need AS MATERIALIZED (
             SELECT req.id AS request_id, req.district_code AS place, req.first_skill, req.first_level
               FROM req
              WHERE req.district_code IS NOT NULL
             UNION ALL
             SELECT req.id, 'online', req.first_skill, req.first_level FROM req WHERE req.online),
           resident_place AS MATERIALIZED (
             SELECT resident.id AS volunteer_id, resident.home_district_code AS place FROM resident
             UNION
             SELECT t.volunteer_id, t.district_code
               FROM volunteer_travel_districts t JOIN resident ON resident.id = t.volunteer_id
             UNION
             SELECT resident.id, 'online' FROM resident WHERE resident.online_available),
           -- The pairs worth checking, found by joining on place and skill rather than by trying every
           -- request with every resident: one who can work where the request takes place and holds its first
           -- required skill at its level (anyone who can work there, when it requires none). Every pair the
           -- rules let through is among them; the rules below decide.
           found AS MATERIALIZED (
             SELECT need.request_id, offer.volunteer_id
               FROM need
               JOIN (SELECT rp.volunteer_id, rp.place, vs.skill_code, vs.level
                       FROM resident_place rp
                       JOIN volunteer_skills vs ON vs.volunteer_id = rp.volunteer_id
                      WHERE vs.skill_code IN (SELECT first_skill FROM req)) offer
                 ON offer.place = need.place AND offer.skill_code = need.first_skill AND offer.level >= need.first_level
             UNION
             SELECT need.request_id, rp.volunteer_id
               FROM need
               JOIN resident_place rp ON rp.place = need.place
              WHERE need.first_skill IS NULL),
           found_resident AS MATERIALIZED (SELECT DISTINCT volunteer_id AS id FROM found),
           -- What the rules read of the sessions of each request found.
           schedule AS MATERIALIZED (
             SELECT found_request.id AS request_id,
                    coalesce(session.weekly, '{}') AS weekly,
                    coalesce(session.days, '{}') AS days,
                    coalesce(session.months, '{}') AS months,
                    session.during
               FROM (SELECT DISTINCT request_id AS id FROM found) found_request
               LEFT JOIN (SELECT s.request_id,
                                 -- Sessions and weekly windows are laid on one week (2001-01-01 was a Monday):
                                 -- a session fits a window when its range lies inside the window's. One that
                                 -- runs past midnight fits none.
                                 array_agg(DISTINCT CASE WHEN s.day = s.end_day
                                                         THEN tsrange(DATE '2001-01-01' + s.weekday - 1 + s.start_time,
                                                                      DATE '2001-01-01' + s.weekday - 1 + s.end_time)
                                                    END) AS weekly,
                                 array_agg(DISTINCT s.day) AS days,
                                 array_agg(DISTINCT s.month) AS months,
                                 range_agg(tstzrange(s.starts_at, s.ends_at)) AS during
                            FROM (SELECT s.request_id, s.starts_at, s.ends_at,
                                         extract(isodow FROM s.starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}')::int AS weekday,
                                         (s.starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}')::time AS start_time,
                                         (s.ends_at AT TIME ZONE '${JAPAN_TIME_ZONE}')::time AS end_time,
                                         (s.starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}')::date AS day,
                                         (s.ends_at AT TIME ZONE '${JAPAN_TIME_ZONE}')::date AS end_day,
                                         date_trunc('month', s.starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}') AS month
                                    FROM request_slots s
                                   WHERE s.request_id IN (SELECT request_id FROM found)) s
                           GROUP BY s.request_id) session ON session.request_id = found_request.id),
           -- What the rules read of each resident found, gathered once per resident rather than once per pair.
           resident_fact AS MATERIALIZED (
             SELECT resident.*,
                    coalesce(skill.levels, '{}') AS skills,
                    coalesce(outcome.skill_codes, '{}') AS outcome_skills,
                    coalesce(w.windows, '{}') AS windows,
                    coalesce(away.days, '{}') AS days_away,
                    pin.during AS pinned,
                    booking.during AS booked,
                    coalesce(booking.request_ids, '{}') AS booked_requests,
                    coalesce(booking.recent_activities, 0) AS recent_activities,
                    coalesce(full_month.months, '{}') AS full_months,
                    coalesce(closed.request_ids, '{}') AS closed_requests
               FROM resident
               JOIN found_resident ON found_resident.id = resident.id
               LEFT JOIN (SELECT vs.volunteer_id, jsonb_object_agg(vs.skill_code, vs.level) AS levels
                            FROM volunteer_skills vs
                           WHERE vs.volunteer_id IN (SELECT id FROM found_resident)
                           GROUP BY vs.volunteer_id) skill ON skill.volunteer_id = resident.id
               LEFT JOIN (SELECT lo.volunteer_id, array_agg(los.skill_code) AS skill_codes
                            FROM learning_outcomes lo
                            JOIN learning_outcome_skills los ON los.learning_outcome_id = lo.id
                           WHERE lo.volunteer_id IN (SELECT id FROM found_resident)
                           GROUP BY lo.volunteer_id) outcome ON outcome.volunteer_id = resident.id
               LEFT JOIN (SELECT w.volunteer_id,
                                 array_agg(tsrange(DATE '2001-01-01' + w.weekday - 1 + w.start_time,
                                                   DATE '2001-01-01' + w.weekday - 1 + w.end_time)) AS windows
                            FROM availability_windows w
                           WHERE w.volunteer_id IN (SELECT id FROM found_resident)
                           GROUP BY w.volunteer_id) w ON w.volunteer_id = resident.id
               LEFT JOIN (SELECT u.volunteer_id, array_agg(u.date) AS days
                            FROM unavailable_dates u
                           WHERE u.volunteer_id IN (SELECT id FROM found_resident)
                           GROUP BY u.volunteer_id) away ON away.volunteer_id = resident.id
               LEFT JOIN (SELECT lp.volunteer_id, range_agg(tstzrange(ls.starts_at, ls.ends_at)) AS during
                            FROM proposals lp
                            JOIN request_slots ls ON ls.request_id = lp.request_id
                           WHERE lp.status = 'proposed' AND lp.locked_at IS NOT NULL
                             AND lp.volunteer_id IN (SELECT id FROM found_resident)
                           GROUP BY lp.volunteer_id) pin ON pin.volunteer_id = resident.id
               LEFT JOIN (SELECT b.volunteer_id, range_agg(b.during) AS during,
                                 array_agg(DISTINCT p.request_id) AS request_ids,
                                 count(DISTINCT b.proposal_id) FILTER (WHERE upper(b.during) > $3::timestamptz - $4::interval)::int
                                   AS recent_activities
                            FROM bookings b
                            JOIN proposals p ON p.id = b.proposal_id
                           WHERE b.volunteer_id IN (SELECT id FROM found_resident)
                           GROUP BY b.volunteer_id) booking ON booking.volunteer_id = resident.id
               -- requests a coordinator left the resident out of, or already decided on for them
               LEFT JOIN (SELECT d.volunteer_id, array_agg(d.request_id) AS request_ids
                            FROM (SELECT x.volunteer_id, x.request_id
                                    FROM request_exclusions x
                                   WHERE x.request_id = ANY($1::uuid[]) AND x.volunteer_id IN (SELECT id FROM found_resident)
                                  UNION ALL
                                  SELECT p.volunteer_id, p.request_id
                                    FROM proposals p
                                   WHERE p.request_id = ANY($1::uuid[]) AND p.volunteer_id IN (SELECT id FROM found_resident)
                                     AND (p.status NOT IN ('proposed', 'withdrawn') OR p.locked_at IS NOT NULL)) d
                           GROUP BY d.volunteer_id) closed ON closed.volunteer_id = resident.id
               -- months which the resident's activities, all of them counted, fill up to their cap
               LEFT JOIN (SELECT m.volunteer_id, array_agg(m.month) AS months
                            FROM (SELECT b.volunteer_id, date_trunc('month', lower(b.during) AT TIME ZONE '${JAPAN_TIME_ZONE}') AS month,
                                         count(DISTINCT b.proposal_id) AS activities
                                    FROM bookings b
                                   WHERE b.volunteer_id IN (SELECT id FROM found_resident)
                                   GROUP BY 1, 2) m
                            JOIN resident ON resident.id = m.volunteer_id
                           WHERE m.activities >= resident.monthly_cap
                           GROUP BY m.volunteer_id) full_month ON full_month.volunteer_id = resident.id),
           candidate AS MATERIALIZED (
             SELECT req.id AS request_id, v.id AS volunteer_id, req.online, req.district_code, v.home_district_code,
                    req.skill_codes, req.skill_required, req.skill_min_levels, v.skills, v.recent_activities,
                    v.outcome_skills && req.skill_codes AS may_have_outcomes
               FROM found
               JOIN req ON req.id = found.request_id
               JOIN schedule ON schedule.request_id = found.request_id
               JOIN resident_fact v ON v.id = found.volunteer_id
              WHERE
                -- every required skill at its minimum level (the first one found the pair)
                (req.required_count <= 1
                 OR NOT EXISTS (SELECT 1 FROM request_skills rs
                                 WHERE rs.request_id = req.id AND rs.required
                                   AND NOT EXISTS (SELECT 1 FROM volunteer_skills vs
                                                    WHERE vs.volunteer_id = v.id AND vs.skill_code = rs.skill_code
                                                      AND vs.level >= rs.min_level)))
                -- every session inside a weekly window, in Japan time: most requests meet at one weekly time,
                -- matched against all the resident's windows at once; the others session by session
                AND (cardinality(schedule.weekly) <> 1 OR schedule.weekly[1] <@ ANY (v.windows))
                AND (cardinality(schedule.weekly) = 1
                     OR NOT EXISTS (SELECT 1 FROM unnest(schedule.weekly) session
                                     WHERE NOT coalesce(session <@ ANY (v.windows), false)))
                -- no session on a day the resident is away
                AND NOT schedule.days && v.days_away
                -- online, or a district the resident lives in or travels to
                AND ((req.online AND v.online_available)
                     OR (req.district_code IS NOT NULL
                         AND (v.home_district_code = req.district_code
                              OR EXISTS (SELECT 1 FROM volunteer_travel_districts t
                                          WHERE t.volunteer_id = v.id AND t.district_code = req.district_code))))
                -- a family that needs help in another language gets someone who speaks one of them
                AND (req.kind <> 'family_support'
                     OR jsonb_array_length(req.details -> 'languageNeeds') = 0
                     OR v.languages && ARRAY(SELECT jsonb_array_elements_text(req.details -> 'languageNeeds')))
                -- not pinned by a coordinator to another request at an overlapping time (one pinned to this
                -- request is left out below anyway)
                AND NOT coalesce(schedule.during && v.pinned, false)
                -- not left out of this request by a coordinator, nor already approved, accepted, rejected,
                -- declined or done for it
                AND req.id <> ALL (v.closed_requests)
                -- no confirmed activity elsewhere at an overlapping time; bookings for this request itself do
                -- not count, so only a resident who has some is looked at booking by booking
                AND (NOT coalesce(schedule.during && v.booked, false)
                     OR (req.id = ANY (v.booked_requests)
                         AND NOT EXISTS (SELECT 1 FROM request_slots s
                                           JOIN bookings b ON b.volunteer_id = v.id AND b.during && tstzrange(s.starts_at, s.ends_at)
                                           JOIN proposals p ON p.id = b.proposal_id AND p.request_id <> req.id
                                          WHERE s.request_id = req.id)))
                -- under the monthly cap in every month the request touches (likewise)
                AND (NOT schedule.months && v.full_months
                     OR (req.id = ANY (v.booked_requests)
                         AND NOT EXISTS (SELECT 1
                                           FROM (SELECT DISTINCT date_trunc('month', s.starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}') AS month
                                                   FROM request_slots s WHERE s.request_id = req.id) m
                                          WHERE (SELECT count(DISTINCT b.proposal_id)
                                                   FROM bookings b
                                                   JOIN proposals p ON p.id = b.proposal_id AND p.request_id <> req.id
                                                  WHERE b.volunteer_id = v.id
                                                    AND date_trunc('month', lower(b.during) AT TIME ZONE '${JAPAN_TIME_ZONE}') = m.month)
                                                >= v.monthly_cap))))
      SELECT c.request_id,
             c.volunteer_id,
             coalesce(skill.required_skills, '[]') AS required_skills,
             coalesce(skill.preferred_skills, '[]') AS preferred_skills,
             -- only a resident with a course or certificate behind one of the request's skills has any
             CASE WHEN c.may_have_outcomes
                  THEN (SELECT coalesce(array_agg(DISTINCT lo.title ORDER BY lo.title), '{}')
                          FROM learning_outcomes lo
                          JOIN learning_outcome_skills los ON los.learning_outcome_id = lo.id
                          JOIN request_skills rs ON rs.skill_code = los.skill_code AND rs.request_id = c.request_id
                         WHERE lo.volunteer_id = c.volunteer_id)
                  ELSE '{}'
             END AS relevant_outcomes,
             c.recent_activities,
             home.latitude AS home_latitude, home.longitude AS home_longitude,
             place.latitude AS place_latitude, place.longitude AS place_longitude,
             c.online
        FROM candidate c
        JOIN districts home ON home.code = c.home_district_code
        LEFT JOIN districts place ON place.code = c.district_code
        -- the request's skills with the resident's levels, from the arrays above instead of two lookups per pair
        CROSS JOIN LATERAL (
               SELECT json_agg(json_build_object('code', rs.code, 'minLevel', rs.min_level,
                                                 'level', (c.skills ->> rs.code)::smallint)
                               ORDER BY rs.code) FILTER (WHERE rs.required AND c.skills ? rs.code) AS required_skills,
                      json_agg(json_build_object('code', rs.code, 'level', (c.skills ->> rs.code)::smallint)
                               ORDER BY rs.code) FILTER (WHERE NOT rs.required) AS preferred_skills
                 FROM unnest(c.skill_codes, c.skill_required, c.skill_min_levels) AS rs(code, required, min_level)) skill
       ORDER BY c.request_id, c.volunteer_id
        `,
        [filter.requestIds, filter.volunteerId ?? null, now, FAIRNESS_WINDOW, privacyNoticeVersion],
      );
    });
    return rows.map((row) => ({
      requestId: row.request_id as string,
      volunteerId: row.volunteer_id as string,
      requiredSkills: row.required_skills as RequiredSkillFact[],
      preferredSkills: row.preferred_skills as SkillFact[],
      relevantOutcomes: row.relevant_outcomes as string[],
      recentActivities: row.recent_activities as number,
      home: { latitude: row.home_latitude as number, longitude: row.home_longitude as number },
      venue:
        row.place_latitude === null
          ? null
          : { latitude: row.place_latitude as number, longitude: row.place_longitude as number },
      online: row.online as boolean,
    }));
  }

  /**
   * Open requests with the seats approvals and acceptances have not taken yet, and active residents with
   * what their monthly cap leaves after the activities they are already committed to (the candidate
   * query has checked each month; this is the plan's overall limit).
   */
  async planningState(
    manager: EntityManager,
    now: Date,
    privacyNoticeVersion: string,
  ): Promise<PlanningState> {
    const requests: { id: string; seats: number; slots: [string, string][] }[] = await manager.query(
      `SELECT r.id,
              GREATEST(0, r.need - (SELECT count(*) FROM proposals p
                                     WHERE p.request_id = r.id
                                       AND (p.status IN ('approved', 'accepted')
                                            OR (p.status = 'proposed' AND p.locked_at IS NOT NULL))))::int AS seats,
              (SELECT json_agg(json_build_array(s.starts_at, s.ends_at) ORDER BY s.starts_at)
                 FROM request_slots s WHERE s.request_id = r.id) AS slots
         FROM requests r
        WHERE r.status = 'open'
        ORDER BY r.id`,
    );
    const volunteers: { id: string; cap: number }[] = await manager.query(
      `SELECT v.id,
              GREATEST(0, v.monthly_cap
                          - (SELECT count(DISTINCT b.proposal_id) FROM bookings b
                              WHERE b.volunteer_id = v.id AND upper(b.during) > $1)
                          - (SELECT count(*) FROM proposals lp
                              WHERE lp.volunteer_id = v.id AND lp.status = 'proposed' AND lp.locked_at IS NOT NULL))::int AS cap
         FROM volunteers v
        WHERE v.status = 'active' AND v.consent_version = $2
        ORDER BY v.id`,
      [now, privacyNoticeVersion],
    );
    const proposed: { requestId: string; volunteerId: string }[] = await manager.query(
      `SELECT p.request_id AS "requestId", p.volunteer_id AS "volunteerId"
         FROM proposals p JOIN requests r ON r.id = p.request_id
        WHERE p.status = 'proposed' AND r.status = 'open'`,
    );
    return { requests, volunteers, proposed };
  }

  /**
   * Changes whenever anything a plan depends on changes (requests, residents, a coordinator's or
   * resident's decision on a proposal, a pin), but not when plans themselves propose or withdraw.
   */
  async planningFingerprint(manager: EntityManager): Promise<string> {
    const [{ fingerprint }]: { fingerprint: string }[] = await manager.query(
      `SELECT concat_ws('/',
                (SELECT sum(revision) FROM requests), (SELECT count(*) FROM requests WHERE status = 'open'),
                (SELECT sum(revision) FROM volunteers), (SELECT count(*) FROM volunteers WHERE status = 'active'),
                (SELECT count(*) FROM proposals WHERE status NOT IN ('proposed', 'withdrawn')),
                (SELECT max(updated_at) FROM proposals WHERE status NOT IN ('proposed', 'withdrawn')),
                (SELECT count(*) FROM proposals WHERE locked_at IS NOT NULL),
                (SELECT max(locked_at) FROM proposals)) AS fingerprint`,
    );
    return fingerprint;
  }

  /** Open requests a resident currently has a standing proposal for. */
  async openRequestsProposing(manager: EntityManager, volunteerId: string): Promise<string[]> {
    const rows: { request_id: string }[] = await manager.query(
      `SELECT p.request_id FROM proposals p JOIN requests r ON r.id = p.request_id
        WHERE p.volunteer_id = $1 AND p.status = 'proposed' AND r.status = 'open'`,
      [volunteerId],
    );
    return rows.map((row) => row.request_id);
  }

  async openRequestIds(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM requests WHERE status = 'open'`);
    return rows.map((row) => row.id);
  }

  /** Open requests and active residents whose latest change no match run has handled yet. */
  async owedRuns(manager: EntityManager): Promise<{ requests: Revisioned[]; volunteers: Revisioned[] }> {
    const requests: Revisioned[] = await manager.query(
      `SELECT id, revision FROM requests WHERE status = 'open' AND matched_revision < revision`,
    );
    const volunteers: Revisioned[] = await manager.query(
      `SELECT id, revision FROM volunteers WHERE status = 'active' AND matched_revision < revision`,
    );
    return { requests, volunteers };
  }
}
