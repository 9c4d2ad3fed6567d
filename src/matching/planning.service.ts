import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { inTransaction } from '../database/transaction.js';
import { Proposal } from '../proposals/proposal.entity.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { mayHandleRequest } from '../common/actor/access.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { ActivityRequest } from '../requests/activity-request.entity.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import type { PlannedPair, PlanPreviewView } from './dto/plan-preview.view.js';
import { candidateFacts, MatchingRepository } from './matching.repository.js';
import { PAIRS_PER_PART } from './matching.jobs.js';
import { parseInstance, type PlannerInstance } from './planner/instance.js';
import type { PairExplanation } from './planner/explain.js';
import { partition } from './planner/partition.js';
import { planExplained, type ExplainedPlan } from './planner/planner.js';
import { scoreCandidate, type ScoreExplanation } from './scoring.js';

/** The fairness weight of the plan's objective (see src/matching/README.md). */
const FAIRNESS = 0.05;
/** Key of the PostgreSQL advisory lock that lets one plan at a time write. */
const PLAN_LOCK = 7_200_417;

/** A planned proposal's explanation: the score's parts, and the plan's own account of the pair. */
export type PlannedExplanation = ScoreExplanation & { plan: PairExplanation };

export interface PlanWritten {
  proposed: number;
  withdrawn: number;
}

/**
 * The database side of the city-wide planner: the instance built from open requests and active
 * residents (candidates from the same SQL as the worker, scores from the same functions), and the plan
 * turned back into proposals. Planning itself happens in between, in parts (see CityPlanFlow).
 */
@Injectable()
export class PlanningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MatchingRepository,
    private readonly proposals: ProposalsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * The plan's inputs as they are now, split into parts that can be planned apart, and a fingerprint
   * of them to tell later whether they changed.
   */
  async prepare(): Promise<{ fingerprint: string; parts: PlannerInstance[] }> {
    const fingerprint = await this.repository.planningFingerprint(this.dataSource.manager);
    const { instance } = await this.currentInstance();
    return { fingerprint, parts: partition(parseInstance(instance), PAIRS_PER_PART) };
  }

  /**
   * Writes a plan made from the inputs `fingerprint` describes: for every open request, its planned
   * pairs become its proposals awaiting a coordinator, each with its score's parts and what the planner
   * gave up for it, and other waiting proposals are withdrawn (approved, accepted and rejected ones are
   * never touched). One transaction, under an advisory lock so plans write one at a time. Writing the
   * same plan again changes nothing. When the inputs changed since the fingerprint was taken the plan is
   * stale: nothing is written, or, if they changed just after it was written, it must be made again.
   */
  async write(
    fingerprint: string,
    pairs: ExplainedPlan['assignments'],
  ): Promise<PlanWritten | 'inputsChanged'> {
    const written = await inTransaction(this.dataSource, async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [PLAN_LOCK]);
      if ((await this.repository.planningFingerprint(manager)) !== fingerprint) return null;
      const chosenFor = await this.explained(manager, pairs);
      if (!chosenFor) return null;
      const total = { proposed: 0, withdrawn: 0 };
      const openIds = await this.repository.openRequestIds(manager);
      for (const requestId of openIds.sort()) {
        await manager.query('SELECT 1 FROM requests WHERE id = $1 FOR UPDATE', [requestId]);
        const standing = await manager.findBy(Proposal, {
          requestId,
          status: In(['proposed', 'approved', 'accepted']),
        });
        const chosen = chosenFor.get(requestId) ?? [];
        const outcome = await this.proposals.replaceProposed(manager, requestId, chosen, standing);
        total.proposed += outcome.proposed;
        total.withdrawn += outcome.withdrawn;
      }
      return total;
    });
    // A change committed after the check above would otherwise wait for the next plan.
    const stillCurrent =
      written && (await this.repository.planningFingerprint(this.dataSource.manager)) === fingerprint;
    return stillCurrent ? written : 'inputsChanged';
  }

  /**
   * The planned pairs by request, each explained by its score's parts (scored again, from the same rows
   * the plan was made from) and the plan's account. Null when a pair is no longer a candidate: something
   * the fingerprint does not see, such as a deadline passing, changed the inputs.
   */
  private async explained(manager: EntityManager, pairs: ExplainedPlan['assignments']) {
    const rows = await this.repository.findCandidates(
      manager,
      { requestIds: [...new Set(pairs.map((pair) => pair.r))] },
      this.clock.now(),
      this.config.PRIVACY_NOTICE_VERSION,
    );
    const rowOf = new Map(rows.map((row) => [`${row.requestId}/${row.volunteerId}`, row]));
    const chosenFor = new Map<string, { volunteerId: string; explanation: PlannedExplanation }[]>();
    for (const { v, r, plan } of pairs) {
      const row = rowOf.get(`${r}/${v}`);
      if (!row) return null;
      chosenFor.set(r, [
        ...(chosenFor.get(r) ?? []),
        { volunteerId: v, explanation: { ...scoreCandidate(candidateFacts(row)), plan } },
      ]);
    }
    return chosenFor;
  }

  /** The plan as it would be made now, and its difference from the current proposals. Writes nothing. */
  async preview(actor: Actor): Promise<PlanPreviewView> {
    const { instance, proposed } = await this.currentInstance();
    const plan = planExplained(parseInstance(instance));
    const score = new Map(instance.candidates.map(({ v, r, score }) => [`${r}/${v}`, score]));
    const pairs: PlannedPair[] = plan.assignments.map(({ v, r }) => ({
      requestId: r,
      volunteerId: v,
      score: score.get(`${r}/${v}`)!,
    }));
    const visibleRequests = await this.requestsVisibleTo(actor, [
      ...pairs.map((pair) => pair.requestId),
      ...proposed.map((pair) => pair.requestId),
    ]);
    const visible = new Set(visibleRequests.map((request) => request.id));
    const planned = new Set(pairs.map((pair) => `${pair.requestId}/${pair.volunteerId}`));
    const current = new Set(proposed.map((pair) => `${pair.requestId}/${pair.volunteerId}`));
    const added = pairs.filter(
      (pair) => visible.has(pair.requestId) && !current.has(`${pair.requestId}/${pair.volunteerId}`),
    );
    const withdrawn = proposed.filter(
      (pair) => visible.has(pair.requestId) && !planned.has(`${pair.requestId}/${pair.volunteerId}`),
    );
    const changed = [...added, ...withdrawn];
    const named = new Set(changed.map((pair) => pair.requestId));
    const volunteers = await this.dataSource.getRepository(Volunteer).find({
      where: { id: In([...new Set(changed.map((pair) => pair.volunteerId))]) },
      select: { id: true, name: true },
      order: { nameKana: 'ASC' },
    });
    return {
      objective: Math.round(plan.objective * 10_000) / 10_000,
      seats: {
        open: instance.requests.reduce((sum, request) => sum + request.need, 0),
        planned: pairs.length,
      },
      pairs: pairs.filter((pair) => visible.has(pair.requestId)),
      added,
      withdrawn,
      kept: proposed.filter(
        (pair) => visible.has(pair.requestId) && planned.has(`${pair.requestId}/${pair.volunteerId}`),
      ).length,
      requests: visibleRequests
        .filter((request) => named.has(request.id))
        .map(({ id, title }) => ({ id, title })),
      volunteers: volunteers.map(({ id, name }) => ({ id, name })),
    };
  }

  private async currentInstance() {
    const now = this.clock.now();
    const notice = this.config.PRIVACY_NOTICE_VERSION;
    const manager = this.dataSource.manager;
    const state = await this.repository.planningState(manager, now, notice);
    const open = state.requests.filter((request) => request.seats > 0);
    const rows = await this.repository.findCandidates(
      manager,
      { requestIds: open.map((r) => r.id) },
      now,
      notice,
    );
    const recent = new Map(rows.map((row) => [row.volunteerId, row.recentActivities]));
    const instance: PlannerInstance = {
      version: 1,
      fairness: FAIRNESS,
      volunteers: state.volunteers.map(({ id, cap }) => ({ id, cap, recent: recent.get(id) ?? 0 })),
      requests: open.map(({ id, seats, slots }) => ({ id, need: seats, slots })),
      candidates: rows.map((row) => ({
        v: row.volunteerId,
        r: row.requestId,
        score: scoreCandidate(candidateFacts(row)).total,
      })),
    };
    return { instance, proposed: state.proposed };
  }

  private async requestsVisibleTo(actor: Actor, ids: string[]): Promise<ActivityRequest[]> {
    const requests = await this.dataSource.getRepository(ActivityRequest).find({
      where: { id: In([...new Set(ids)]) },
      select: { id: true, title: true, organisationId: true, districtCode: true },
      order: { title: 'ASC' },
    });
    return requests.filter((request) => mayHandleRequest(actor, request));
  }
}
