import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { inTransaction } from '../database/transaction.js';
import { Proposal } from '../proposals/proposal.entity.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { ActivityRequest } from '../requests/activity-request.entity.js';
import { RequestsService } from '../requests/requests.service.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { MatchingTrigger } from './matching-trigger.service.js';
import { candidateFacts, MatchingRepository } from './matching.repository.js';
import { scoreCandidate } from './scoring.js';

export interface MatchOutcome {
  proposed: number;
  withdrawn: number;
}

/**
 * The worker's side of matching, one request at a time: find candidates, score them, keep the best few
 * per open seat as proposals. Each run holds the request's row lock for its whole transaction, so two
 * runs for one request take turns, and a run repeated writes nothing new.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MatchingRepository,
    private readonly proposals: ProposalsService,
    private readonly requests: RequestsService,
    private readonly trigger: MatchingTrigger,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async matchRequest(requestId: string): Promise<MatchOutcome> {
    return inTransaction(this.dataSource, async (manager) => {
      const request = await manager.findOne(ActivityRequest, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) return { proposed: 0, withdrawn: 0 };
      const standing = await manager.findBy(Proposal, {
        requestId,
        status: In(['proposed', 'approved', 'accepted']),
      });
      // Approved, accepted and locked proposals hold their seats.
      const committed = standing.filter(
        (proposal) => proposal.status !== 'proposed' || proposal.lockedAt !== null,
      ).length;
      const seats = request.status === 'open' ? Math.max(0, request.need - committed) : 0;

      const candidates =
        seats > 0
          ? await this.repository.findCandidates(
              manager,
              { requestIds: [requestId] },
              this.clock.now(),
              this.config.PRIVACY_NOTICE_VERSION,
            )
          : [];
      const chosen = candidates
        .map((candidate) => ({
          volunteerId: candidate.volunteerId,
          explanation: scoreCandidate(candidateFacts(candidate)),
        }))
        .sort(
          (a, b) => b.explanation.total - a.explanation.total || a.volunteerId.localeCompare(b.volunteerId),
        )
        .slice(0, seats * this.config.PROPOSALS_PER_SEAT);

      const outcome = await this.proposals.replaceProposed(manager, requestId, chosen, standing);
      await manager.update(ActivityRequest, requestId, { matchedRevision: request.revision });
      return outcome;
    });
  }

  /** A resident became active or changed: re-rank every open request they now fit or were proposed for. */
  async rematchVolunteer(volunteerId: string): Promise<MatchOutcome> {
    const volunteer = await this.dataSource.getRepository(Volunteer).findOneBy({ id: volunteerId });
    if (!volunteer) return { proposed: 0, withdrawn: 0 };
    const manager = this.dataSource.manager;
    const openIds = await this.repository.openRequestIds(manager);
    const fits = await this.repository.findCandidates(
      manager,
      { requestIds: openIds, volunteerId },
      this.clock.now(),
      this.config.PRIVACY_NOTICE_VERSION,
    );
    const affected = new Set([
      ...fits.map((candidate) => candidate.requestId),
      ...(await this.repository.openRequestsProposing(manager, volunteerId)),
    ]);
    const total: MatchOutcome = { proposed: 0, withdrawn: 0 };
    for (const requestId of affected) {
      const outcome = await this.matchRequest(requestId);
      total.proposed += outcome.proposed;
      total.withdrawn += outcome.withdrawn;
    }
    await manager.query(
      `UPDATE volunteers SET matched_revision = GREATEST(matched_revision, $2) WHERE id = $1`,
      [volunteerId, volunteer.revision],
    );
    return total;
  }

  /** Expires overdue requests and enqueues the runs a lost enqueue left owed. */
  async sweep(): Promise<void> {
    const expired = await this.requests.expireOverdue();
    const owed = await this.repository.owedRuns(this.dataSource.manager);
    for (const request of owed.requests) await this.trigger.requestChanged(request, { retryFailed: true });
    for (const volunteer of owed.volunteers)
      await this.trigger.volunteerChanged(volunteer, { retryFailed: true });
    if (expired + owed.requests.length + owed.volunteers.length > 0) {
      this.logger.log(
        `sweep: ${expired} expired, ${owed.requests.length} requests and ${owed.volunteers.length} residents re-enqueued`,
      );
    }
  }
}
