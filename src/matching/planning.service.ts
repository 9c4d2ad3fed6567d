import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { inTransaction } from '../database/transaction.js';
import { Proposal } from '../proposals/proposal.entity.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { mayHandleRequest } from '../common/actor/access.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { ActivityRequest } from '../requests/activity-request.entity.js';
import type { PlannedPair, PlanPreviewView } from './dto/plan-preview.view.js';
import { candidateFacts, MatchingRepository } from './matching.repository.js';
import { compile, parseInstance, type PlannerInstance } from './planner/instance.js';
import { explainPlan, type PairExplanation } from './planner/explain.js';
import { toPlan } from './planner/plan.js';
import { solve } from './planner/planner.js';
import { scoreCandidate, type ScoreExplanation } from './scoring.js';

/** The fairness weight of the plan's objective (see src/matching/README.md). */
const FAIRNESS = 0.05;
/** Key of the PostgreSQL advisory lock that lets one plan at a time write. */
const PLAN_LOCK = 7_200_417;
/** A plan whose inputs changed while it was made starts over, at most this often before giving up. */
const MAX_ATTEMPTS = 5;

export class PlanningInputsKeptChangingError extends Error {}

/** A planned proposal's explanation: the score's parts, and the plan's own account of the pair. */
export type PlannedExplanation = ScoreExplanation & { plan: PairExplanation };

/**
 * The database side of the city-wide planner: the instance built from open requests and active
 * residents (candidates from the same SQL as the worker, scores from the same functions), and the plan
 * turned back into proposals.
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
   * Makes the city-wide plan and writes it: for every open request, the plan's pairs become its
   * proposals awaiting a coordinator and other waiting proposals are withdrawn (approved, accepted and
   * rejected ones are never touched). One transaction, under an advisory lock so plans write one at a
   * time; if anything the plan depends on changed while it was made, it starts over instead of writing
   * a stale plan. Writing the same plan again changes nothing.
   */
  async applyPlan(): Promise<{ proposed: number; withdrawn: number; attempts: number }> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = await this.repository.planningFingerprint(this.dataSource.manager);
      const { instance, explanations } = await this.currentInstance();
      const model = compile(parseInstance(instance));
      // Each planned pair keeps its score's parts and what the planner gave up for it.
      const chosenFor = new Map<string, { volunteerId: string; explanation: PlannedExplanation }[]>();
      for (const [e, plan] of explainPlan(solve(model).assignment)) {
        const requestId = model.requestIds[model.edgeRequest[e]];
        const volunteerId = model.volunteerIds[model.edgeVolunteer[e]];
        const score = explanations.get(`${requestId}/${volunteerId}`)!;
        chosenFor.set(requestId, [
          ...(chosenFor.get(requestId) ?? []),
          { volunteerId, explanation: { ...score, plan } },
        ]);
      }
      const written = await inTransaction(this.dataSource, async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [PLAN_LOCK]);
        if ((await this.repository.planningFingerprint(manager)) !== before) return null;
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
      if (written && (await this.repository.planningFingerprint(this.dataSource.manager)) === before) {
        return { ...written, attempts: attempt };
      }
    }
    throw new PlanningInputsKeptChangingError(`planning inputs changed during ${MAX_ATTEMPTS} attempts`);
  }

  /** The plan as it would be made now, and its difference from the current proposals. Writes nothing. */
  async preview(actor: Actor): Promise<PlanPreviewView> {
    const { instance, proposed } = await this.currentInstance();
    const model = compile(parseInstance(instance));
    const solution = solve(model);
    const score = new Map(instance.candidates.map(({ v, r, score }) => [`${r}/${v}`, score]));
    const pairs: PlannedPair[] = toPlan(model, solution.assignment.edges()).assignments.map(({ v, r }) => ({
      requestId: r,
      volunteerId: v,
      score: score.get(`${r}/${v}`)!,
    }));
    const visible = await this.requestsVisibleTo(actor, [
      ...pairs.map((pair) => pair.requestId),
      ...proposed.map((pair) => pair.requestId),
    ]);
    const planned = new Set(pairs.map((pair) => `${pair.requestId}/${pair.volunteerId}`));
    const current = new Set(proposed.map((pair) => `${pair.requestId}/${pair.volunteerId}`));
    return {
      objective: Math.round(solution.objective * 10_000) / 10_000,
      seats: {
        open: instance.requests.reduce((sum, request) => sum + request.need, 0),
        planned: pairs.length,
      },
      pairs: pairs.filter((pair) => visible.has(pair.requestId)),
      added: pairs.filter(
        (pair) => visible.has(pair.requestId) && !current.has(`${pair.requestId}/${pair.volunteerId}`),
      ),
      withdrawn: proposed.filter(
        (pair) => visible.has(pair.requestId) && !planned.has(`${pair.requestId}/${pair.volunteerId}`),
      ),
      kept: proposed.filter(
        (pair) => visible.has(pair.requestId) && planned.has(`${pair.requestId}/${pair.volunteerId}`),
      ).length,
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
    const explanations = new Map(
      rows.map((row) => [`${row.requestId}/${row.volunteerId}`, scoreCandidate(candidateFacts(row))]),
    );
    const instance: PlannerInstance = {
      version: 1,
      fairness: FAIRNESS,
      volunteers: state.volunteers.map(({ id, cap }) => ({ id, cap, recent: recent.get(id) ?? 0 })),
      requests: open.map(({ id, seats, slots }) => ({ id, need: seats, slots })),
      candidates: rows.map((row) => ({
        v: row.volunteerId,
        r: row.requestId,
        score: explanations.get(`${row.requestId}/${row.volunteerId}`)!.total,
      })),
    };
    return { instance, explanations, proposed: state.proposed };
  }

  private async requestsVisibleTo(actor: Actor, ids: string[]): Promise<Set<string>> {
    const requests = await this.dataSource.getRepository(ActivityRequest).find({
      where: { id: In([...new Set(ids)]) },
      select: { id: true, organisationId: true, districtCode: true },
    });
    return new Set(
      requests.filter((request) => mayHandleRequest(actor, request)).map((request) => request.id),
    );
  }
}
