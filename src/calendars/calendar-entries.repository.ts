import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One session of an activity, with what a calendar entry needs of its request. */
export interface ActivitySession {
  /** The resident's proposal, for their own calendar; null in an organisation's (one entry per session). */
  proposalId: string | null;
  requestId: string;
  slotId: string;
  title: string;
  venue: string | null;
  online: boolean;
  organisationName: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  /** Cancelled after the resident had accepted (the request, or the resident's part in it). */
  cancelled: boolean;
  changedAt: Date;
}

/** Which sessions a feed lists: those ending after `since`, and cancellations made after `cancelledSince`. */
export interface FeedWindow {
  since: Date;
  cancelledSince: Date;
}

const SESSION_COLUMNS = `
  s.id AS "slotId", r.id AS "requestId", r.title, r.venue, r.online, o.name AS "organisationName",
  s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.sequence`;

/** Each session of a proposal's request; withdrawn (after acceptance, as the callers ask) is cancelled. */
const PROPOSAL_SESSIONS = `
  SELECT p.id AS "proposalId", ${SESSION_COLUMNS},
         p.status = 'withdrawn' AS cancelled, greatest(s.updated_at, p.updated_at) AS "changedAt"
    FROM proposals p
    JOIN requests r ON r.id = p.request_id
    JOIN organisations o ON o.id = r.organisation_id
    JOIN request_slots s ON s.request_id = r.id`;

/**
 * The SQL behind calendars. An activity is in a calendar once the resident has accepted it (accepted or
 * completed); one withdrawn after that (`accepted_at` set) shows as cancelled.
 */
@Injectable()
export class CalendarEntries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every session of one proposal's request, whatever the proposal's state (the caller decides). */
  ofProposal(proposalId: string): Promise<ActivitySession[]> {
    return this.dataSource.query(
      `${PROPOSAL_SESSIONS}
        WHERE p.id = $1
        ORDER BY s.starts_at, s.id`,
      [proposalId],
    );
  }

  /** A resident's confirmed activities, session by session, and those cancelled lately. */
  ofResident(volunteerId: string, window: FeedWindow): Promise<ActivitySession[]> {
    return this.dataSource.query(
      `${PROPOSAL_SESSIONS}
        WHERE p.volunteer_id = $1
          AND s.ends_at >= $2
          AND (p.status IN ('accepted', 'completed')
               OR (p.status = 'withdrawn' AND p.accepted_at IS NOT NULL AND p.updated_at >= $3))
        ORDER BY s.starts_at, s.id`,
      [volunteerId, window.since, window.cancelledSince],
    );
  }

  /**
   * An organisation's sessions that have an accepted resident, one entry per session however many
   * residents it has, and those of its requests cancelled lately after someone had accepted.
   */
  ofOrganisation(organisationId: string, window: FeedWindow): Promise<ActivitySession[]> {
    return this.dataSource.query(
      `SELECT NULL AS "proposalId", ${SESSION_COLUMNS},
              r.status = 'cancelled' AS cancelled, greatest(s.updated_at, r.updated_at) AS "changedAt"
         FROM requests r
         JOIN organisations o ON o.id = r.organisation_id
         JOIN request_slots s ON s.request_id = r.id
        WHERE r.organisation_id = $1
          AND s.ends_at >= $2
          AND CASE WHEN r.status = 'cancelled'
                   THEN r.updated_at >= $3
                        AND EXISTS (SELECT 1 FROM proposals p
                                     WHERE p.request_id = r.id AND p.accepted_at IS NOT NULL)
                   ELSE EXISTS (SELECT 1 FROM proposals p
                                 WHERE p.request_id = r.id AND p.status IN ('accepted', 'completed'))
              END
        ORDER BY s.starts_at, s.id`,
      [organisationId, window.since, window.cancelledSince],
    );
  }
}
