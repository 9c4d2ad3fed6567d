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
  async findCandidates(
    manager: EntityManager,
    filter: { requestIds: string[]; volunteerId?: string },
    now: Date,
    privacyNoticeVersion: string,
  ): Promise<CandidateRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `
      SELECT req.id AS request_id,
             v.id AS volunteer_id,
             (SELECT coalesce(json_agg(json_build_object('code', rs.skill_code, 'minLevel', rs.min_level, 'level', vs.level)
                                       ORDER BY rs.skill_code), '[]')
                FROM request_skills rs
                JOIN volunteer_skills vs ON vs.volunteer_id = v.id AND vs.skill_code = rs.skill_code
               WHERE rs.request_id = req.id AND rs.required) AS required_skills,
             (SELECT coalesce(json_agg(json_build_object('code', rs.skill_code, 'level', vs.level) ORDER BY rs.skill_code), '[]')
                FROM request_skills rs
                LEFT JOIN volunteer_skills vs ON vs.volunteer_id = v.id AND vs.skill_code = rs.skill_code
               WHERE rs.request_id = req.id AND NOT rs.required) AS preferred_skills,
             (SELECT coalesce(array_agg(DISTINCT lo.title ORDER BY lo.title), '{}')
                FROM learning_outcomes lo
                JOIN learning_outcome_skills los ON los.learning_outcome_id = lo.id
                JOIN request_skills rs ON rs.skill_code = los.skill_code AND rs.request_id = req.id
               WHERE lo.volunteer_id = v.id) AS relevant_outcomes,
             (SELECT count(DISTINCT b.proposal_id)::int
                FROM bookings b
               WHERE b.volunteer_id = v.id AND upper(b.during) > $3::timestamptz - $4::interval) AS recent_activities,
             home.latitude AS home_latitude, home.longitude AS home_longitude,
             place.latitude AS place_latitude, place.longitude AS place_longitude,
             req.online
        FROM requests req
        JOIN volunteers v ON v.status = 'active' AND v.consent_version = $5
        JOIN districts home ON home.code = v.home_district_code
        LEFT JOIN districts place ON place.code = req.district_code
       WHERE req.id = ANY($1::uuid[])
         AND ($2::uuid IS NULL OR v.id = $2::uuid)
         -- not left out of this request by a coordinator
         AND NOT EXISTS (SELECT 1 FROM request_exclusions x WHERE x.request_id = req.id AND x.volunteer_id = v.id)
         -- not already approved, accepted, rejected, declined or done for this request
         AND NOT EXISTS (SELECT 1 FROM proposals p
                          WHERE p.request_id = req.id AND p.volunteer_id = v.id
                            AND (p.status NOT IN ('proposed', 'withdrawn') OR p.locked_at IS NOT NULL))
         -- not pinned by a coordinator to another request at an overlapping time
         AND NOT EXISTS (SELECT 1 FROM proposals lp
                           JOIN request_slots ls ON ls.request_id = lp.request_id
                           JOIN request_slots s ON s.request_id = req.id
                                               AND tstzrange(s.starts_at, s.ends_at) && tstzrange(ls.starts_at, ls.ends_at)
                          WHERE lp.volunteer_id = v.id AND lp.request_id <> req.id
                            AND lp.status = 'proposed' AND lp.locked_at IS NOT NULL)
         -- every required skill at its minimum level
         AND NOT EXISTS (SELECT 1 FROM request_skills rs
                          WHERE rs.request_id = req.id AND rs.required
                            AND NOT EXISTS (SELECT 1 FROM volunteer_skills vs
                                             WHERE vs.volunteer_id = v.id AND vs.skill_code = rs.skill_code
                                               AND vs.level >= rs.min_level))
         -- every session inside a weekly window, in Japan time
         AND NOT EXISTS (SELECT 1 FROM request_slots s
                          WHERE s.request_id = req.id
                            AND NOT EXISTS (SELECT 1 FROM availability_windows w
                                             WHERE w.volunteer_id = v.id
                                               AND w.weekday = extract(isodow FROM s.starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}')
                                               AND w.start_time <= (s.starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}')::time
                                               AND w.end_time >= (s.ends_at AT TIME ZONE '${JAPAN_TIME_ZONE}')::time
                                               AND (s.ends_at AT TIME ZONE '${JAPAN_TIME_ZONE}')::date
                                                 = (s.starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}')::date))
         -- no session on a day the resident is away
         AND NOT EXISTS (SELECT 1 FROM request_slots s
                           JOIN unavailable_dates u
                             ON u.volunteer_id = v.id AND u.date = (s.starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}')::date
                          WHERE s.request_id = req.id)
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
         -- no confirmed activity elsewhere at an overlapping time
         AND NOT EXISTS (SELECT 1 FROM request_slots s
                           JOIN bookings b ON b.volunteer_id = v.id AND b.during && tstzrange(s.starts_at, s.ends_at)
                           JOIN proposals p ON p.id = b.proposal_id AND p.request_id <> req.id
                          WHERE s.request_id = req.id)
         -- under the monthly cap in every month the request touches
         AND NOT EXISTS (SELECT 1
                           FROM (SELECT DISTINCT date_trunc('month', s.starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}') AS month
                                   FROM request_slots s WHERE s.request_id = req.id) m
                          WHERE (SELECT count(DISTINCT b.proposal_id)
                                   FROM bookings b
                                   JOIN proposals p ON p.id = b.proposal_id AND p.request_id <> req.id
                                  WHERE b.volunteer_id = v.id
                                    AND date_trunc('month', lower(b.during) AT TIME ZONE '${JAPAN_TIME_ZONE}') = m.month)
                                >= v.monthly_cap)
       ORDER BY req.id, v.id
      `,
      [filter.requestIds, filter.volunteerId ?? null, now, FAIRNESS_WINDOW, privacyNoticeVersion],
    );
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
