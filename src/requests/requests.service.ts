import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService, MATCHING_WORKER_ACTOR } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  type FieldProblem,
} from '../common/errors/domain-error.js';
import { Page } from '../common/pagination/pagination.js';
import { inTransaction } from '../database/transaction.js';
import { DistrictsService } from '../districts/districts.service.js';
import { Notices } from '../notifications/notices.service.js';
import { MatchingTrigger } from '../matching/matching-trigger.service.js';
import { coversDistrict, mayHandleRequest } from '../common/actor/access.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Proposal } from '../proposals/proposal.entity.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { ActivityRequest, type RequestKind, type RequestStatus } from './activity-request.entity.js';
import type { CreateRequestDto, SlotDto, UpdateRequestDto } from './dto/request.dto.js';
import type { ExcludeVolunteerDto } from './dto/exclusion.dto.js';
import type { RequestQueryDto } from './dto/request-query.dto.js';
import { RequestView } from './dto/request.view.js';
import { RequestExclusion } from './request-exclusion.entity.js';
import { RequestSkill } from './request-skill.entity.js';
import { RequestSlot } from './request-slot.entity.js';
import { scheduleProblems } from './schedule-rules.js';

/** The DTO property that carries each kind's own fields. */
const DETAILS_PROPERTY = {
  school_visit: 'school',
  family_support: 'family',
  course_instructor: 'course',
} as const;

const EDITABLE: RequestStatus[] = ['draft', 'open'];
const CANCELLABLE: RequestStatus[] = ['draft', 'open', 'matched'];

@Injectable()
export class RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly districts: DistrictsService,
    private readonly proposals: ProposalsService,
    private readonly audit: AuditService,
    private readonly matching: MatchingTrigger,
    private readonly clock: Clock,
    private readonly notices: Notices,
  ) {}

  /** A new request starts as a draft; opening it starts the matching. */
  async create(dto: CreateRequestDto, actor: Actor): Promise<RequestView> {
    await this.checkInput(
      dto.kind,
      dto,
      {
        ...dto,
        requiredSkillCodes: dto.requiredSkills.map((skill) => skill.skillCode),
        preferredSkillCodes: dto.preferredSkillCodes ?? [],
      },
      actor,
    );
    const organisationId = await this.organisationAsking(dto.organisationId, actor);
    const id = await inTransaction(this.dataSource, async (manager) => {
      const request = await manager.save(
        manager.create(ActivityRequest, {
          kind: dto.kind,
          title: dto.title,
          description: dto.description ?? '',
          organisationId,
          districtCode: dto.districtCode ?? null,
          venue: dto.venue ?? null,
          online: dto.online ?? false,
          need: dto.need,
          deadline: new Date(dto.deadline),
          details: dto[DETAILS_PROPERTY[dto.kind]],
          createdBy: actor.id,
        }),
      );
      await this.replaceSlotsAndSkills(manager, request.id, dto);
      await this.audit.record(manager, actor, 'request.created', { type: 'request', id: request.id });
      return request.id;
    });
    return this.findOne(id, actor);
  }

  async list(query: RequestQueryDto, actor: Actor): Promise<Page<RequestView>> {
    const builder = this.dataSource
      .getRepository(ActivityRequest)
      .createQueryBuilder('request')
      .select('request.id')
      .orderBy('request.deadline')
      .addOrderBy('request.id')
      .skip(query.skip)
      .take(query.perPage);
    if (actor.role === 'requester') {
      builder.andWhere('request.organisation_id = ANY(:own)', { own: actor.organisationIds ?? [] });
    }
    if (actor.districtCodes) {
      builder.andWhere('(request.district_code IS NULL OR request.district_code = ANY(:covered))', {
        covered: actor.districtCodes,
      });
    }
    if (query.status) builder.andWhere('request.status = :status', { status: query.status });
    if (query.kind) builder.andWhere('request.kind = :kind', { kind: query.kind });
    if (query.districtCode)
      builder.andWhere('request.district_code = :district', { district: query.districtCode });
    if (query.from || query.to) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM request_slots s WHERE s.request_id = request.id
           AND (CAST(:from AS timestamptz) IS NULL OR s.starts_at >= :from)
           AND (CAST(:to AS timestamptz) IS NULL OR s.starts_at < :to))`,
        { from: query.from ? new Date(query.from) : null, to: query.to ? new Date(query.to) : null },
      );
    }
    const [page, total] = await builder.getManyAndCount();
    return Page.of(await this.views(page.map((request) => request.id)), total, query);
  }

  async findOne(id: string, actor: Actor): Promise<RequestView> {
    const [view] = await this.views([id]);
    if (
      !view ||
      !mayHandleRequest(actor, { organisationId: view.organisation.id, districtCode: view.districtCode })
    )
      throw new NotFoundError('request', id);
    return view;
  }

  /** The requests with these ids, in this order, with their proposal counts: three queries in all. */
  private async views(ids: string[]): Promise<RequestView[]> {
    const requests = await this.dataSource
      .getRepository(ActivityRequest)
      .find({ where: { id: In(ids) }, relations: { slots: true, skills: true, organisation: true } });
    const counts = await this.proposals.countsFor(ids);
    const byId = new Map(requests.map((request) => [request.id, request]));
    return ids.filter((id) => byId.has(id)).map((id) => RequestView.of(byId.get(id)!, counts.get(id) ?? {}));
  }

  async update(id: string, dto: UpdateRequestDto, actor: Actor): Promise<RequestView> {
    const changed = await inTransaction(this.dataSource, async (manager) => {
      const current = await this.lock(manager, id, actor);
      if (!EDITABLE.includes(current.status)) {
        throw new ConflictError('errors.requestNotEditable', { entity: 'request', status: current.status });
      }
      const heldSkills = await manager.find(RequestSkill, { where: { requestId: id } });
      await this.checkInput(
        current.kind,
        dto,
        {
          slots: dto.slots ?? (await manager.find(RequestSlot, { where: { requestId: id } })),
          deadline: dto.deadline ?? current.deadline,
          districtCode: dto.districtCode === undefined ? current.districtCode : dto.districtCode,
          online: dto.online ?? current.online,
          requiredSkillCodes: (dto.requiredSkills ?? heldSkills.filter((skill) => skill.required)).map(
            (s) => s.skillCode,
          ),
          preferredSkillCodes:
            dto.preferredSkillCodes ?? heldSkills.filter((skill) => !skill.required).map((s) => s.skillCode),
        },
        actor,
      );
      const reshapes =
        dto.slots !== undefined || dto.requiredSkills !== undefined || dto.preferredSkillCodes !== undefined;
      if (reshapes && (await this.proposals.hasCommitments(manager, id))) {
        throw new ConflictError('errors.requestHasCommitments');
      }
      const { slots, requiredSkills, preferredSkillCodes, school, family, course, deadline, ...scalars } =
        dto;
      const details = school ?? family ?? course;
      await manager.update(ActivityRequest, id, {
        ...scalars,
        ...(deadline ? { deadline: new Date(deadline) } : {}),
        ...(details ? { details } : {}),
        revision: current.revision + 1,
      });
      await this.replaceSlotsAndSkills(manager, id, { slots, requiredSkills, preferredSkillCodes });
      await this.audit.record(
        manager,
        actor,
        'request.updated',
        { type: 'request', id },
        { fields: Object.keys(dto) },
      );
      return { ...current, revision: current.revision + 1 };
    });
    if (changed.status === 'open') await this.matching.requestChanged(changed);
    return this.findOne(id, actor);
  }

  async open(id: string, actor: Actor): Promise<RequestView> {
    const opened = await inTransaction(this.dataSource, async (manager) => {
      const current = await this.lock(manager, id, actor);
      if (current.status !== 'draft') {
        throw new ConflictError('errors.invalidTransition', {
          entity: 'request',
          from: current.status,
          action: 'open',
        });
      }
      const slots = await manager.find(RequestSlot, { where: { requestId: id } });
      const problems = scheduleProblems({ slots, deadline: current.deadline }, this.clock.now());
      if (problems.length > 0) throw new InvalidInputError(problems);
      await manager.update(ActivityRequest, id, { status: 'open', revision: current.revision + 1 });
      await this.audit.record(manager, actor, 'request.opened', { type: 'request', id });
      return { ...current, revision: current.revision + 1 };
    });
    await this.matching.requestChanged(opened);
    return this.findOne(id, actor);
  }

  /** Cancelling releases everyone proposed, approved or accepted for it, and their bookings. */
  async cancel(id: string, actor: Actor, reason?: string): Promise<RequestView> {
    const residents = await inTransaction(this.dataSource, async (manager) => {
      const current = await this.lock(manager, id, actor);
      if (!CANCELLABLE.includes(current.status)) {
        throw new ConflictError('errors.invalidTransition', {
          entity: 'request',
          from: current.status,
          action: 'cancel',
        });
      }
      await manager.update(ActivityRequest, id, { status: 'cancelled', revision: current.revision + 1 });
      const released = await this.proposals.releaseAllOfRequest(manager, id, actor);
      await this.notices.requestCancelled(
        manager,
        id,
        released.map((resident) => resident.id),
        actor.id,
      );
      await this.audit.record(
        manager,
        actor,
        'request.cancelled',
        { type: 'request', id },
        { reason: reason ?? null },
      );
      return released;
    });
    await this.proposals.rematch({ residents });
    return this.findOne(id, actor);
  }

  /**
   * A coordinator leaves a resident out of a request: their waiting proposal for it is withdrawn and
   * neither path proposes them for it again. One already approved or accepted must be undone first.
   */
  async exclude(id: string, dto: ExcludeVolunteerDto, actor: Actor): Promise<RequestView> {
    const changed = await inTransaction(this.dataSource, async (manager) => {
      const current = await this.lock(manager, id, actor);
      if (!(await manager.existsBy(Volunteer, { id: dto.volunteerId }))) {
        throw new NotFoundError('volunteer', dto.volunteerId);
      }
      const held = await manager.findOneBy(Proposal, { requestId: id, volunteerId: dto.volunteerId });
      if (held && (held.status === 'approved' || held.status === 'accepted')) {
        throw new ConflictError('errors.invalidTransition', {
          entity: 'proposal',
          from: held.status,
          action: 'exclude',
        });
      }
      await manager.upsert(
        RequestExclusion,
        { requestId: id, volunteerId: dto.volunteerId, reason: dto.reason, excludedBy: actor.id },
        ['requestId', 'volunteerId'],
      );
      if (held?.status === 'proposed') await this.proposals.withdraw(manager, [held], actor);
      const revision = current.revision + 1;
      await manager.update(ActivityRequest, id, { revision });
      await this.audit.record(
        manager,
        actor,
        'request.volunteerExcluded',
        { type: 'request', id },
        {
          volunteer: dto.volunteerId,
          reason: dto.reason,
        },
      );
      return { ...current, revision };
    });
    if (changed.status === 'open') await this.matching.requestChanged(changed);
    return this.findOne(id, actor);
  }

  /**
   * Open requests past their deadline expire. Proposals no resident has accepted go, so the time they held
   * comes free; residents who accepted keep their activity. Returns how many requests expired.
   */
  async expireOverdue(): Promise<number> {
    const { expired, residents } = await inTransaction(this.dataSource, async (manager) => {
      const { raw } = (await manager
        .createQueryBuilder()
        .update(ActivityRequest)
        .set({ status: 'expired', revision: () => 'revision + 1' })
        .where(`status = 'open' AND deadline < :now`, { now: this.clock.now() })
        .returning(['id'])
        .execute()) as { raw: { id: string }[] };
      const released = [];
      for (const { id } of raw) {
        released.push(
          ...(await this.proposals.releaseAllOfRequest(manager, id, MATCHING_WORKER_ACTOR, [
            'proposed',
            'approved',
          ])),
        );
        await this.audit.record(manager, MATCHING_WORKER_ACTOR, 'request.expired', { type: 'request', id });
      }
      return { expired: raw.length, residents: released };
    });
    await this.proposals.rematch({ residents });
    return expired;
  }

  private async lock(manager: EntityManager, id: string, actor: Actor): Promise<ActivityRequest> {
    const request = await manager.findOne(ActivityRequest, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!request || !mayHandleRequest(actor, request)) throw new NotFoundError('request', id);
    return request;
  }

  /**
   * Which organisation a new request is for: a requester's own (the one given, or their only one);
   * staff must name an existing one.
   */
  private async organisationAsking(given: string | undefined, actor: Actor): Promise<string> {
    if (actor.role === 'requester') {
      const own = actor.organisationIds ?? [];
      if (given && !own.includes(given)) {
        throw new InvalidInputError([{ field: 'organisationId', code: 'validation.notYourOrganisation' }]);
      }
      if (!given && own.length !== 1) {
        throw new InvalidInputError([{ field: 'organisationId', code: 'validation.organisationRequired' }]);
      }
      return given ?? own[0];
    }
    if (!given)
      throw new InvalidInputError([{ field: 'organisationId', code: 'validation.organisationRequired' }]);
    if (!(await this.dataSource.getRepository(Organisation).existsBy({ id: given }))) {
      throw new InvalidInputError([
        { field: 'organisationId', code: 'validation.unknownOrganisation', params: { id: given } },
      ]);
    }
    return given;
  }

  /**
   * Everything about the input that needs more than the DTO can see: the kind's own fields, the schedule,
   * the place, and that every skill and district exists. All problems are reported at once.
   */
  private async checkInput(
    kind: RequestKind,
    dto: UpdateRequestDto,
    effective: {
      slots: { startsAt: string | Date; endsAt: string | Date }[];
      deadline: string | Date;
      districtCode?: string | null;
      online?: boolean;
      requiredSkillCodes: string[];
      preferredSkillCodes: string[];
    },
    actor: Actor,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    for (const property of Object.values(DETAILS_PROPERTY)) {
      if (property !== DETAILS_PROPERTY[kind] && dto[property] !== undefined) {
        problems.push({ field: property, code: 'validation.otherKindDetails' });
      }
    }
    const schedule = {
      slots: effective.slots.map((slot) => ({
        startsAt: new Date(slot.startsAt),
        endsAt: new Date(slot.endsAt),
      })),
      deadline: new Date(effective.deadline),
    };
    problems.push(...scheduleProblems(schedule, this.clock.now()));
    if (!effective.online && !effective.districtCode) {
      problems.push({ field: 'districtCode', code: 'validation.placeRequired' });
    }
    const required = dto.requiredSkills ?? [];
    const preferred = dto.preferredSkillCodes ?? [];
    const skillRefs: [string, string][] = [
      ...required.map((skill, i): [string, string] => [`requiredSkills[${i}].skillCode`, skill.skillCode]),
      ...preferred.map((code, i): [string, string] => [`preferredSkillCodes[${i}]`, code]),
    ];
    const unknownSkills = new Set(await this.taxonomy.unknownSkillCodes(skillRefs.map(([, code]) => code)));
    for (const [field, id] of skillRefs) {
      if (unknownSkills.has(id)) problems.push({ field, code: 'validation.unknownSkill', params: { id } });
    }
    const requiredCodes = new Set(effective.requiredSkillCodes);
    effective.preferredSkillCodes.forEach((code, i) => {
      if (requiredCodes.has(code)) {
        problems.push({
          field: `preferredSkillCodes[${i}]`,
          code: 'validation.requiredAndPreferred',
          params: { id: code },
        });
      }
    });
    if (dto.districtCode && (await this.districts.unknownCodes([dto.districtCode])).length > 0) {
      problems.push({
        field: 'districtCode',
        code: 'validation.unknownDistrict',
        params: { id: dto.districtCode },
      });
    } else if (dto.districtCode && !coversDistrict(actor, dto.districtCode)) {
      problems.push({ field: 'districtCode', code: 'validation.outsideYourDistricts' });
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
  }

  /**
   * The new list of sessions, matched to the held ones in time order: the n-th held session takes the
   * n-th new time and keeps its id (a changed one counts as moved), extra ones are added, surplus ones go.
   * Only for requests nobody is committed to yet, so no booking refers to a session that goes.
   */
  private async replaceSlots(manager: EntityManager, requestId: string, slots: SlotDto[]): Promise<void> {
    const held = await manager.find(RequestSlot, {
      where: { requestId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    const wanted = slots
      .map((slot) => ({ startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) }))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (const [i, slot] of held.entries()) {
      const target = wanted[i];
      if (!target) await manager.delete(RequestSlot, slot.id);
      else if (
        target.startsAt.getTime() !== slot.startsAt.getTime() ||
        target.endsAt.getTime() !== slot.endsAt.getTime()
      )
        await manager.update(RequestSlot, slot.id, { ...target, sequence: slot.sequence + 1 });
    }
    const added = wanted.slice(held.length).map((slot) => ({ requestId, ...slot }));
    if (added.length > 0) await manager.insert(RequestSlot, added);
  }

  private async replaceSlotsAndSkills(
    manager: EntityManager,
    requestId: string,
    lists: Pick<UpdateRequestDto, 'slots' | 'requiredSkills' | 'preferredSkillCodes'>,
  ): Promise<void> {
    if (lists.slots) await this.replaceSlots(manager, requestId, lists.slots);
    if (lists.requiredSkills) {
      await manager.delete(RequestSkill, { requestId, required: true });
      if (lists.requiredSkills.length > 0) {
        await manager.insert(
          RequestSkill,
          lists.requiredSkills.map((skill) => ({
            requestId,
            skillCode: skill.skillCode,
            required: true,
            minLevel: skill.minLevel,
          })),
        );
      }
    }
    if (lists.preferredSkillCodes) {
      await manager.delete(RequestSkill, { requestId, required: false });
      if (lists.preferredSkillCodes.length > 0) {
        await manager.insert(
          RequestSkill,
          lists.preferredSkillCodes.map((skillCode) => ({
            requestId,
            skillCode,
            required: false,
            minLevel: null,
          })),
        );
      }
    }
  }
}
