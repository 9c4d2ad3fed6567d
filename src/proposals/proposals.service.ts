import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuditDetails } from '../audit/audit-entry.entity.js';
import { AuditService, MATCHING_WORKER_ACTOR } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-error.js';
import { isExclusionViolation } from '../common/errors/postgres-errors.js';
import { JAPAN_TIME_ZONE } from '../common/japan-time.js';
import { Page } from '../common/pagination/pagination.js';
import { inTransaction } from '../database/transaction.js';
import { MatchingTrigger, type Revisioned } from '../matching/matching-trigger.service.js';
import { Notices } from '../notifications/notices.service.js';
import { mayHandleRequest, mayHandleResident } from '../common/actor/access.js';
import { ActivityRequest } from '../requests/activity-request.entity.js';
import { RequestSlot } from '../requests/request-slot.entity.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { Booking } from './booking.entity.js';
import type { CompleteProposalDto, FeedbackDto, ProposalQueryDto } from './dto/proposal.dto.js';
import { alternativesOf, ProposalView } from './dto/proposal.view.js';
import { Feedback, type FeedbackSide } from './feedback.entity.js';
import { Proposal, type HandPicked, type ProposalStatus } from './proposal.entity.js';

type AnyActor = Actor | typeof MATCHING_WORKER_ACTOR;

/** Proposals that still tie a resident to a request. */
const LIVE: ProposalStatus[] = ['proposed', 'approved', 'accepted'];
/** Proposals that hold bookings: the resident's time is taken. */
const COMMITTED: ProposalStatus[] = ['approved', 'accepted'];
/** Once the resident has said yes, the requesting side may contact them. */
const CONTACT_VISIBLE: ProposalStatus[] = ['accepted', 'completed'];
/** What a requester (and the resident) may see of a request's proposals: what a coordinator approved. */
const AFTER_APPROVAL: ProposalStatus[] = ['approved', 'accepted', 'declined', 'completed'];

/** What a change let go of: requests to match again and residents whose time came free. */
export interface Released {
  requests: Revisioned[];
  residents: Revisioned[];
}

/**
 * The approval flow: a coordinator approves or rejects what the worker proposed, the resident accepts or
 * declines, and after the activity it is completed with hours and feedback. Every step locks what it
 * changes, checks the state it starts from, and writes its audit entry in the same transaction.
 *
 * Locks are always taken in one order, request → proposal → resident, here and in every other module, so
 * two steps on the same things wait for each other instead of deadlocking.
 */
@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly matching: MatchingTrigger,
    private readonly clock: Clock,
    private readonly notices: Notices,
  ) {}

  /** Coordinators see every proposal; a requester only those a coordinator has approved. */
  async listForRequest(
    requestId: string,
    query: ProposalQueryDto,
    actor: Actor,
  ): Promise<Page<ProposalView>> {
    const request = await this.dataSource.getRepository(ActivityRequest).findOneBy({ id: requestId });
    if (!request || !mayHandleRequest(actor, request)) throw new NotFoundError('request', requestId);
    const visible = actor.role === 'requester' ? AFTER_APPROVAL : null;
    const statuses = query.status
      ? [query.status].filter((status) => !visible || visible.includes(status))
      : visible;
    const [proposals, total] = await this.dataSource.getRepository(Proposal).findAndCount({
      where: { requestId, ...(statuses ? { status: In(statuses) } : {}) },
      relations: { request: { slots: true, organisation: true }, volunteer: true },
      order: { score: 'DESC', id: 'ASC' },
      skip: query.skip,
      take: query.perPage,
    });
    return Page.of(await this.views(proposals, actor), total, query);
  }

  /** What a resident sees: only proposals a coordinator has approved, and what followed. */
  async listForVolunteer(
    volunteerId: string,
    actor: Actor,
    query: ProposalQueryDto,
  ): Promise<Page<ProposalView>> {
    const resident = await this.dataSource
      .getRepository(Volunteer)
      .findOne({ where: { id: volunteerId }, select: { id: true, homeDistrictCode: true } });
    if (!resident || !mayHandleResident(actor, resident)) throw new NotFoundError('volunteer', volunteerId);
    const [proposals, total] = await this.dataSource.getRepository(Proposal).findAndCount({
      where: {
        volunteerId,
        // A resident never sees what a coordinator has not approved, whatever status they ask for.
        status: In(AFTER_APPROVAL.filter((status) => (query.status ?? status) === status)),
      },
      relations: { request: { slots: true, organisation: true }, volunteer: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: query.skip,
      take: query.perPage,
    });
    return Page.of(await this.views(proposals, actor), total, query);
  }

  async findOne(id: string, actor: Actor): Promise<ProposalView> {
    const proposal = await this.dataSource.getRepository(Proposal).findOne({
      where: { id },
      relations: { request: { slots: true, organisation: true }, volunteer: true },
    });
    if (!proposal || !mayHandleRequest(actor, proposal.request)) throw new NotFoundError('proposal', id);
    return (await this.views([proposal], actor))[0];
  }

  /** For each request, how many of its proposals are in each status. */
  async countsFor(requestIds: string[]): Promise<Map<string, Record<string, number>>> {
    const rows: { request_id: string; status: string; count: number }[] = await this.dataSource.query(
      `SELECT request_id, status, count(*)::int AS count FROM proposals
        WHERE request_id = ANY($1::uuid[]) GROUP BY request_id, status`,
      [requestIds],
    );
    const counts = new Map(requestIds.map((id): [string, Record<string, number>] => [id, {}]));
    for (const row of rows) counts.get(row.request_id)![row.status] = row.count;
    return counts;
  }

  async hasCommitments(manager: EntityManager, requestId: string): Promise<boolean> {
    return manager.existsBy(Proposal, { requestId, status: In([...COMMITTED, 'completed']) });
  }

  /** A coordinator pins (or unpins) a waiting proposal: new plans keep it, as if it were approved. */
  async setLocked(id: string, locked: boolean, actor: Actor): Promise<ProposalView> {
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockFrom(manager, id, ['proposed'], locked ? 'lock' : 'unlock', actor);
      await manager.update(Proposal, id, { lockedAt: locked ? this.clock.now() : null });
      await this.audit.record(manager, actor, locked ? 'proposal.locked' : 'proposal.unlocked', {
        type: 'proposal',
        id,
      });
    });
    await this.matching.planSoon();
    return this.findOne(id, actor);
  }

  async approve(id: string, actor: Actor): Promise<ProposalView> {
    await withoutDoubleBooking(() =>
      inTransaction(this.dataSource, async (manager) => {
        const { proposal, request } = await this.lockFrom(manager, id, ['proposed'], 'approve', actor);
        await this.book(manager, proposal, request, actor);
      }),
    );
    return this.findOne(id, actor);
  }

  /**
   * A coordinator adds a resident they found themselves (see ResidentSearchService): proposed and
   * approved at once, under the same rules as any approval. A resident the worker had proposed, or whose
   * proposal it withdrew, is approved as they are; one already decided on for the request is a conflict.
   */
  async addByHand(requestId: string, volunteerId: string, actor: Actor): Promise<ProposalView> {
    const id = await withoutDoubleBooking(() =>
      inTransaction(this.dataSource, async (manager) => {
        const request = await manager.findOne(ActivityRequest, {
          where: { id: requestId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!request || !mayHandleRequest(actor, request)) throw new NotFoundError('request', requestId);
        const resident = await manager.findOne(Volunteer, {
          where: { id: volunteerId },
          select: { id: true, homeDistrictCode: true },
        });
        if (!resident || !mayHandleResident(actor, resident))
          throw new NotFoundError('volunteer', volunteerId);
        const standing = await manager.findOne(Proposal, {
          where: { requestId, volunteerId },
          lock: { mode: 'pessimistic_write' },
        });
        if (standing && !['proposed', 'withdrawn'].includes(standing.status)) {
          throw new ConflictError('errors.invalidTransition', {
            entity: 'proposal',
            from: standing.status,
            action: 'approve',
          });
        }
        const handPicked: HandPicked = { total: 0, addedByHand: true };
        const proposalId = standing
          ? standing.id
          : ((await manager.insert(Proposal, { requestId, volunteerId, score: 0, explanation: handPicked }))
              .identifiers[0].id as string);
        if (standing?.status === 'withdrawn')
          await manager.update(Proposal, standing.id, { status: 'proposed' });
        await this.audit.record(manager, actor, 'proposal.addedByHand', { type: 'proposal', id: proposalId });
        await this.book(manager, { id: proposalId, volunteerId }, request, actor);
        return proposalId;
      }),
    );
    return this.findOne(id, actor);
  }

  /**
   * Approves a proposal whose request is locked: books the resident for every session of the request,
   * while it still needs people. The resident's row lock makes approvals of the same person take turns;
   * the bookings exclusion constraint is the guarantee underneath it.
   */
  private async book(
    manager: EntityManager,
    { id, volunteerId }: Pick<Proposal, 'id' | 'volunteerId'>,
    request: ActivityRequest,
    actor: Actor,
  ) {
    if (request.status !== 'open') {
      throw new ConflictError('errors.invalidTransition', {
        entity: 'request',
        from: request.status,
        action: 'approve',
      });
    }
    const committed = await manager.countBy(Proposal, { requestId: request.id, status: In(COMMITTED) });
    if (committed >= request.need) throw new ConflictError('errors.requestFull', { need: request.need });
    const volunteer = await manager.findOneOrFail(Volunteer, {
      where: { id: volunteerId },
      lock: { mode: 'pessimistic_write' },
    });
    if (volunteer.status !== 'active')
      throw new ConflictError('errors.volunteerNotActive', {
        entity: 'volunteer',
        status: volunteer.status,
      });
    const slots = await manager.find(RequestSlot, { where: { requestId: request.id } });
    await this.assertUnderMonthlyCap(manager, volunteer, slots);
    await manager.insert(
      Booking,
      slots.map((slot) => ({
        proposalId: id,
        volunteerId: volunteer.id,
        slotId: slot.id,
        during: `[${slot.startsAt.toISOString()},${slot.endsAt.toISOString()})`,
      })),
    );
    await manager.update(Proposal, id, { status: 'approved' });
    await this.audit.record(manager, actor, 'proposal.approved', { type: 'proposal', id });
    await this.notices.proposalApproved(manager, id);
  }

  async reject(id: string, actor: Actor, reason: string): Promise<ProposalView> {
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockFrom(manager, id, ['proposed'], 'reject', actor);
      await manager.update(Proposal, id, { status: 'rejected', reason });
      await this.audit.record(manager, actor, 'proposal.rejected', { type: 'proposal', id }, { reason });
    });
    return this.findOne(id, actor);
  }

  /** The resident says yes; once enough have, the request is matched and the other candidates released. */
  async accept(id: string, actor: Actor): Promise<ProposalView> {
    await inTransaction(this.dataSource, async (manager) => {
      const { request } = await this.lockFrom(manager, id, ['approved'], 'accept', actor);
      if (request.status !== 'open') {
        throw new ConflictError('errors.invalidTransition', {
          entity: 'request',
          from: request.status,
          action: 'accept',
        });
      }
      await manager.update(Proposal, id, { status: 'accepted', acceptedAt: this.clock.now() });
      await this.audit.record(manager, actor, 'proposal.accepted', { type: 'proposal', id });
      await this.notices.proposalAnswered(manager, id, 'accepted');
      const accepted = await manager.countBy(Proposal, { requestId: request.id, status: 'accepted' });
      if (accepted >= request.need) {
        await manager.update(ActivityRequest, request.id, { status: 'matched' });
        await this.audit.record(manager, actor, 'request.matched', { type: 'request', id: request.id });
        const waiting = await manager.findBy(Proposal, { requestId: request.id, status: 'proposed' });
        await this.withdraw(manager, waiting, actor, { cause: 'request.matched' });
      }
    });
    return this.findOne(id, actor);
  }

  /** The resident says no: their bookings go, and the worker looks for someone else (and for them). */
  async decline(id: string, actor: Actor, reason: string | undefined): Promise<ProposalView> {
    const released = await inTransaction(this.dataSource, async (manager) => {
      const { proposal } = await this.lockFrom(manager, id, ['approved'], 'decline', actor);
      await manager.delete(Booking, { proposalId: id });
      await manager.update(Proposal, id, { status: 'declined', reason: reason ?? null });
      await this.audit.record(
        manager,
        actor,
        'proposal.declined',
        { type: 'proposal', id },
        { reason: reason ?? null },
      );
      await this.notices.proposalAnswered(manager, id, 'declined');
      return {
        requests: [await this.bumpRequestRevision(manager, proposal.requestId)],
        residents: await this.bumpResidentRevisions(manager, [proposal.volunteerId]),
      };
    });
    await this.rematch(released);
    return this.findOne(id, actor);
  }

  /**
   * After the last session: record the hours. When no accepted resident is left to report, the request is
   * completed (also one that expired short of people but went ahead with those it had).
   */
  async complete(id: string, actor: Actor, dto: CompleteProposalDto): Promise<ProposalView> {
    await inTransaction(this.dataSource, async (manager) => {
      const { proposal, request } = await this.lockFrom(manager, id, ['accepted'], 'complete', actor);
      const slots = await manager.find(RequestSlot, { where: { requestId: proposal.requestId } });
      const lastEnd = Math.max(...slots.map((slot) => slot.endsAt.getTime()));
      if (this.clock.now().getTime() < lastEnd) throw new ConflictError('errors.activityNotOver');
      const scheduledHours =
        slots.reduce((sum, slot) => sum + (slot.endsAt.getTime() - slot.startsAt.getTime()), 0) / 3_600_000;
      if (dto.hours > scheduledHours) {
        throw new InvalidInputError([
          { field: 'hours', code: 'validation.hoursTooMany', params: { max: scheduledHours } },
        ]);
      }
      await manager.update(Proposal, id, { status: 'completed', hours: dto.hours });
      await this.audit.record(
        manager,
        actor,
        'proposal.completed',
        { type: 'proposal', id },
        { hours: dto.hours },
      );
      const stillAccepted = await manager.countBy(Proposal, { requestId: request.id, status: 'accepted' });
      if (stillAccepted === 0 && ['open', 'matched', 'expired'].includes(request.status)) {
        await manager.update(ActivityRequest, request.id, { status: 'completed' });
        await this.audit.record(manager, actor, 'request.completed', { type: 'request', id: request.id });
      }
    });
    return this.findOne(id, actor);
  }

  /** Each side of a completed activity says how it went, once: the resident, and the requester's side. */
  async giveFeedback(id: string, actor: Actor, dto: FeedbackDto): Promise<ProposalView> {
    const side: FeedbackSide = actor.role === 'volunteer' ? 'volunteer' : 'requester';
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockFrom(manager, id, ['completed'], 'feedback', actor);
      if (await manager.existsBy(Feedback, { proposalId: id, side }))
        throw new ConflictError('errors.feedbackAlreadyGiven');
      await manager.insert(Feedback, {
        proposalId: id,
        side,
        rating: dto.rating,
        comment: dto.comment ?? '',
        givenBy: actor.id,
      });
      await this.audit.record(
        manager,
        actor,
        'proposal.feedback',
        { type: 'proposal', id },
        { side, rating: dto.rating },
      );
    });
    return this.findOne(id, actor);
  }

  /**
   * First step of suspending or withdrawing a resident: locks, in id order, every request they hold a
   * proposal for, before the caller locks the resident (the lock order of this service).
   */
  async lockRequestsHeldBy(manager: EntityManager, volunteerId: string): Promise<void> {
    await manager.query(
      `SELECT r.id FROM requests r
        WHERE r.id IN (SELECT request_id FROM proposals WHERE volunteer_id = $1 AND status = ANY($2))
        ORDER BY r.id FOR UPDATE`,
      [volunteerId, LIVE],
    );
  }

  /** A resident suspended or withdrawn lets go of everything they held; returns the requests to re-match. */
  async releaseAllOfVolunteer(
    manager: EntityManager,
    volunteerId: string,
    actor: AnyActor,
  ): Promise<Revisioned[]> {
    const held = await manager.findBy(Proposal, { volunteerId, status: In(LIVE) });
    await this.withdraw(manager, held, actor, { cause: 'volunteer.unavailable' });
    const affected: Revisioned[] = [];
    for (const requestId of new Set(held.map((proposal) => proposal.requestId))) {
      const request = await this.bumpRequestRevision(manager, requestId);
      if (request.status === 'matched') {
        const accepted = await manager.countBy(Proposal, { requestId, status: 'accepted' });
        if (accepted < request.need) {
          await manager.update(ActivityRequest, requestId, { status: 'open' });
          request.status = 'open';
        }
      }
      if (request.status === 'open') affected.push(request);
    }
    return affected;
  }

  /**
   * A request cancelled or expired lets go of its residents (`statuses` says which proposals go); returns
   * the residents whose time came free, with their new revision, for the caller to re-match after commit.
   */
  async releaseAllOfRequest(
    manager: EntityManager,
    requestId: string,
    actor: AnyActor,
    statuses: ProposalStatus[] = LIVE,
  ): Promise<Revisioned[]> {
    const proposals = await manager.findBy(Proposal, { requestId, status: In(statuses) });
    return this.bumpResidentRevisions(manager, await this.withdraw(manager, proposals, actor));
  }

  /**
   * Makes `chosen` the request's proposals awaiting a coordinator: new ones inserted, changed scores
   * refreshed, withdrawn ones proposed again, and standing `proposed` ones not chosen withdrawn.
   * Approved, accepted and rejected proposals are never touched. Writes (and audits) only what changes,
   * so running it twice with the same choice writes nothing the second time.
   */
  async replaceProposed(
    manager: EntityManager,
    requestId: string,
    chosen: { volunteerId: string; explanation: object & { total: number } }[],
    standing: Proposal[],
  ): Promise<{ proposed: number; withdrawn: number }> {
    const written: { id: string; score: number }[] =
      chosen.length === 0
        ? []
        : await manager.query(
            `INSERT INTO proposals (request_id, volunteer_id, score, explanation)
             SELECT $1, unnest($2::uuid[]), unnest($3::float8[]), unnest($4::jsonb[])
             ON CONFLICT ON CONSTRAINT proposals_request_volunteer_key DO UPDATE
                SET score = EXCLUDED.score, explanation = EXCLUDED.explanation, status = 'proposed', updated_at = now()
              WHERE proposals.status = 'withdrawn'
                 OR (proposals.status = 'proposed'
                     AND (proposals.score <> EXCLUDED.score OR proposals.explanation <> EXCLUDED.explanation))
             RETURNING id, score`,
            [
              requestId,
              chosen.map((candidate) => candidate.volunteerId),
              chosen.map((candidate) => candidate.explanation.total),
              chosen.map((candidate) => JSON.stringify(candidate.explanation)),
            ],
          );
    for (const proposal of written) {
      await this.audit.record(
        manager,
        MATCHING_WORKER_ACTOR,
        'proposal.proposed',
        { type: 'proposal', id: proposal.id },
        { score: proposal.score },
      );
    }
    const chosenIds = new Set(chosen.map((candidate) => candidate.volunteerId));
    const stale = standing.filter(
      (proposal) =>
        proposal.status === 'proposed' && proposal.lockedAt === null && !chosenIds.has(proposal.volunteerId),
    );
    await this.withdraw(manager, stale, MATCHING_WORKER_ACTOR);
    return { proposed: written.length, withdrawn: stale.length };
  }

  /**
   * Moves proposals to `withdrawn` (the worker no longer proposes them, or what they belonged to is gone)
   * and frees their bookings. Only proposals still in the status they were read in are touched, so a
   * proposal approved in the meantime is never undone behind the coordinator's back. Returns the
   * residents who had been committed (approved or accepted) and are now free.
   */
  async withdraw(
    manager: EntityManager,
    proposals: Proposal[],
    actor: AnyActor,
    details: AuditDetails = {},
  ): Promise<string[]> {
    if (proposals.length === 0) return [];
    const [withdrawn]: [
      { id: string; request_id: string; volunteer_id: string; was: ProposalStatus }[],
      number,
    ] = await manager.query(
      `UPDATE proposals p SET status = 'withdrawn', updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS seen(id, status)
        WHERE p.id = seen.id AND p.status = seen.status
        RETURNING p.id, p.request_id, p.volunteer_id, seen.status AS was`,
      [proposals.map((proposal) => proposal.id), proposals.map((proposal) => proposal.status)],
    );
    if (withdrawn.length === 0) return [];
    await manager.delete(Booking, { proposalId: In(withdrawn.map((row) => row.id)) });
    for (const row of withdrawn) {
      if (row.was === 'accepted')
        await this.notices.residentReleased(manager, row.request_id, row.volunteer_id);
      await this.audit.record(
        manager,
        actor,
        'proposal.withdrawn',
        { type: 'proposal', id: row.id },
        { ...details, from: row.was },
      );
    }
    return withdrawn.filter((row) => COMMITTED.includes(row.was)).map((row) => row.volunteer_id);
  }

  /** Enqueues, after commit, the match runs a release calls for. */
  async rematch(released: Partial<Released>): Promise<void> {
    await Promise.all([
      ...(released.requests ?? []).map((request) => this.matching.requestChanged(request)),
      ...(released.residents ?? []).map((resident) => this.matching.volunteerChanged(resident)),
    ]);
  }

  /** Marks the request as changed for matching; returns what the caller needs to decide what next. */
  private async bumpRequestRevision(manager: EntityManager, requestId: string) {
    const { raw } = (await manager
      .createQueryBuilder()
      .update(ActivityRequest)
      .set({ revision: () => 'revision + 1' })
      .where('id = :requestId', { requestId })
      .returning(['id', 'revision', 'status', 'need'])
      .execute()) as { raw: { id: string; revision: number; status: string; need: number }[] };
    return raw[0];
  }

  /** Marks residents whose time came free as changed for matching, so they are considered elsewhere. */
  private async bumpResidentRevisions(manager: EntityManager, volunteerIds: string[]): Promise<Revisioned[]> {
    if (volunteerIds.length === 0) return [];
    const { raw } = (await manager
      .createQueryBuilder()
      .update(Volunteer)
      .set({ revision: () => 'revision + 1' })
      .where(`id IN (:...volunteerIds) AND status = 'active'`, { volunteerIds })
      .returning(['id', 'revision'])
      .execute()) as { raw: Revisioned[] };
    return raw;
  }

  /**
   * Locks a proposal's request, then the proposal, and checks the proposal is in one of `from`. A
   * resident may act only on proposals addressed to them, a requester only on their organisation's;
   * anything else is a 404, so what belongs to others is not even visible.
   */
  private async lockFrom(
    manager: EntityManager,
    id: string,
    from: ProposalStatus[],
    action: string,
    actor: Actor,
  ): Promise<{ proposal: Proposal; request: ActivityRequest }> {
    const seen = await manager.findOne(Proposal, { where: { id }, select: { id: true, requestId: true } });
    if (!seen) throw new NotFoundError('proposal', id);
    const request = await manager.findOneOrFail(ActivityRequest, {
      where: { id: seen.requestId },
      lock: { mode: 'pessimistic_write' },
    });
    const proposal = await manager.findOneOrFail(Proposal, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    const addressedToOther = actor.role === 'volunteer' && actor.volunteerId !== proposal.volunteerId;
    if (addressedToOther || !mayHandleRequest(actor, request)) throw new NotFoundError('proposal', id);
    if (!from.includes(proposal.status)) {
      throw new ConflictError('errors.invalidTransition', {
        entity: 'proposal',
        from: proposal.status,
        action,
      });
    }
    return { proposal, request };
  }

  private async assertUnderMonthlyCap(
    manager: EntityManager,
    volunteer: Volunteer,
    slots: RequestSlot[],
  ): Promise<void> {
    const [full]: { month: string }[] = await manager.query(
      `SELECT to_char(m.month, 'YYYY-MM') AS month
       FROM (SELECT DISTINCT date_trunc('month', starts_at AT TIME ZONE '${JAPAN_TIME_ZONE}') AS month
             FROM unnest($2::timestamptz[]) AS starts_at) m
       WHERE (SELECT count(DISTINCT b.proposal_id) FROM bookings b
              WHERE b.volunteer_id = $1
                AND date_trunc('month', lower(b.during) AT TIME ZONE '${JAPAN_TIME_ZONE}') = m.month) >= $3
       ORDER BY 1 LIMIT 1`,
      [volunteer.id, slots.map((slot) => slot.startsAt), volunteer.monthlyCap],
    );
    if (full)
      throw new ConflictError('errors.monthlyCapReached', { month: full.month, cap: volunteer.monthlyCap });
  }

  /**
   * Proposals as their viewer may see them: a resident's contact details appear only once they have
   * accepted, only to staff and the requesting side, and every such reading is written to the audit trail.
   */
  private async views(proposals: Proposal[], viewer: Actor): Promise<ProposalView[]> {
    const feedback = proposals.length
      ? await this.dataSource.getRepository(Feedback).findBy({ proposalId: In(proposals.map((p) => p.id)) })
      : [];
    const disclosed = new Set(
      viewer.role === 'volunteer'
        ? []
        : proposals.filter((p) => CONTACT_VISIBLE.includes(p.status)).map((p) => p.id),
    );
    await this.audit.recordContactReads(
      viewer,
      proposals
        .filter((p) => disclosed.has(p.id))
        .map((p) => ({ volunteerId: p.volunteerId, details: { proposal: p.id } })),
    );
    const names = new Map<string, string>();
    if (viewer.role === 'coordinator' || viewer.role === 'admin') {
      const ids = [...new Set(proposals.flatMap((p) => alternativesOf(p).map((a) => a.volunteerId)))];
      const residents = ids.length
        ? await this.dataSource.getRepository(Volunteer).find({
            where: { id: In(ids) },
            select: { id: true, name: true },
          })
        : [];
      for (const resident of residents) names.set(resident.id, resident.name);
    }
    return proposals.map((proposal) =>
      ProposalView.of(
        proposal,
        feedback.filter((entry) => entry.proposalId === proposal.id),
        {
          fullName: viewer.role !== 'requester' || disclosed.has(proposal.id),
          contact: disclosed.has(proposal.id),
          alternatives: viewer.role === 'coordinator' || viewer.role === 'admin',
        },
        names,
      ),
    );
  }
}

/** Two approvals that would book a resident twice at once: the exclusion constraint refuses the second. */
async function withoutDoubleBooking<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isExclusionViolation(error, 'bookings_no_overlap')) throw new ConflictError('errors.doubleBooked');
    throw error;
  }
}
