import type { Locale } from '../common/i18n/i18n.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service.js';
import { SignInLimiter } from '../accounts/sign-in-limiter.js';
import type { SessionView } from '../accounts/dto/auth.dto.js';
import { AuditService } from '../audit/audit.service.js';
import { mayHandleResident } from '../common/actor/access.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  type FieldProblem,
} from '../common/errors/domain-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { Page } from '../common/pagination/pagination.js';
import { inTransaction } from '../database/transaction.js';
import { DistrictsService } from '../districts/districts.service.js';
import { Notices } from '../notifications/notices.service.js';
import { MatchingTrigger } from '../matching/matching-trigger.service.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { TaxonomyService } from '../taxonomy/taxonomy.service.js';
import { AvailabilityWindow } from './availability-window.entity.js';
import type {
  ConsentDto,
  CreateVolunteerDto,
  SignUpDto,
  UpdateVolunteerDto,
} from './dto/volunteer-profile.dto.js';
import type { VolunteerQueryDto } from './dto/volunteer-query.dto.js';
import { VolunteerView } from './dto/volunteer.view.js';
import { LearningOutcome } from './learning-outcome.entity.js';
import { ResidentErasure } from './resident-erasure.js';
import { UnavailableDate } from './unavailable-date.entity.js';
import { Volunteer, type VolunteerStatus } from './volunteer.entity.js';
import { VolunteerSkill } from './volunteer-skill.entity.js';

type StatusChange = 'activate' | 'suspend' | 'withdraw';

/** Which statuses each change may start from, and where it leads. */
const STATUS_CHANGES: Record<
  StatusChange,
  { from: VolunteerStatus[]; to: VolunteerStatus; audited: string }
> = {
  activate: { from: ['pending_review', 'suspended'], to: 'active', audited: 'volunteer.activated' },
  suspend: { from: ['pending_review', 'active'], to: 'suspended', audited: 'volunteer.suspended' },
  withdraw: {
    from: ['pending_review', 'active', 'suspended'],
    to: 'withdrawn',
    audited: 'volunteer.withdrawn',
  },
};

const PROFILE_RELATIONS = {
  travelDistricts: true,
  skills: true,
  learningOutcomes: { skills: true },
  availability: true,
  unavailableDates: true,
} as const;

@Injectable()
export class VolunteersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly districts: DistrictsService,
    private readonly audit: AuditService,
    private readonly accounts: AccountsService,
    private readonly limiter: SignInLimiter,
    private readonly proposals: ProposalsService,
    private readonly matching: MatchingTrigger,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly erasure: ResidentErasure,
    private readonly notices: Notices,
  ) {}

  /** A coordinator registers a resident at the desk (no account): pending review until activated. */
  async register(dto: CreateVolunteerDto, actor: Actor): Promise<VolunteerView> {
    await this.checkReferences(dto);
    this.checkConsentVersion(dto.consent);
    const id = await this.writing((manager) => this.insertProfile(manager, dto, actor));
    return this.view(id);
  }

  /**
   * A resident signs up: their profile, pending review until a coordinator activates it, and their
   * account, in one step; they are signed in straight away.
   */
  async signUp(dto: SignUpDto, address: string, locale: Locale): Promise<SessionView> {
    await this.limiter.recordSignUp(address);
    if (!dto.consent) throw new InvalidInputError([{ field: 'consent', code: 'validation.isDefined' }]);
    await this.checkReferences(dto);
    this.checkConsentVersion(dto.consent);
    return this.writing(async (manager) => {
      const volunteerId = await this.insertProfile(manager, dto, undefined);
      const account = await this.accounts.create(manager, {
        email: dto.email,
        name: dto.name,
        role: 'volunteer',
        password: dto.password,
        volunteerId,
        locale,
      });
      return this.accounts.startSession(manager, account);
    });
  }

  private async insertProfile(
    manager: EntityManager,
    dto: CreateVolunteerDto,
    actor: Actor | undefined,
  ): Promise<string> {
    const volunteer = await manager.save(
      manager.create(Volunteer, {
        name: dto.name,
        nameKana: dto.nameKana,
        email: dto.email,
        phone: dto.phone,
        homeDistrictCode: dto.homeDistrictCode,
        onlineAvailable: dto.onlineAvailable,
        listedPublicly: dto.listedPublicly ?? false,
        languages: dto.languages,
        monthlyCap: dto.monthlyCap,
        consentVersion: dto.consent?.version ?? null,
        consentedAt: dto.consent ? this.clock.now() : null,
      }),
    );
    await this.replaceCollections(manager, volunteer.id, dto);
    const registeredBy = actor ?? { id: volunteer.id, role: 'volunteer' as const };
    await this.audit.record(manager, registeredBy, 'volunteer.registered', {
      type: 'volunteer',
      id: volunteer.id,
    });
    return volunteer.id;
  }

  async list(query: VolunteerQueryDto, actor: Actor): Promise<Page<VolunteerView>> {
    const builder = this.dataSource
      .getRepository(Volunteer)
      .createQueryBuilder('volunteer')
      .select('volunteer.id')
      .orderBy('volunteer.name_kana')
      .addOrderBy('volunteer.id')
      .skip(query.skip)
      .take(query.perPage);
    if (actor.districtCodes) {
      builder.andWhere('volunteer.home_district_code = ANY(:covered)', { covered: actor.districtCodes });
    }
    if (query.status) builder.andWhere('volunteer.status = :status', { status: query.status });
    if (query.districtCode) {
      builder.andWhere(
        `(volunteer.home_district_code = :district OR EXISTS (
           SELECT 1 FROM volunteer_travel_districts t WHERE t.volunteer_id = volunteer.id AND t.district_code = :district))`,
        { district: query.districtCode },
      );
    }
    if (query.skillCode) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM volunteer_skills s WHERE s.volunteer_id = volunteer.id AND s.skill_code = :skill)',
        { skill: query.skillCode },
      );
    }
    if (query.q) {
      builder.andWhere('(volunteer.name ILIKE :q OR volunteer.name_kana ILIKE :q)', { q: `%${query.q}%` });
    }
    const [page, total] = await builder.getManyAndCount();
    const loaded = await this.dataSource
      .getRepository(Volunteer)
      .find({ where: { id: In(page.map((volunteer) => volunteer.id)) }, relations: PROFILE_RELATIONS });
    const byId = new Map(loaded.map((volunteer) => [volunteer.id, volunteer]));
    await this.audit.recordContactReads(
      actor,
      page.map((volunteer) => ({ volunteerId: volunteer.id })),
    );
    return Page.of(
      page.map((volunteer) => VolunteerView.of(byId.get(volunteer.id)!)),
      total,
      query,
    );
  }

  async findOne(id: string, actor: Actor): Promise<VolunteerView> {
    await this.assertMayHandle(id, actor);
    const view = await this.view(id);
    // Staff reading a resident's contact details is itself audited.
    await this.audit.recordContactReads(actor, [{ volunteerId: id }]);
    return view;
  }

  /**
   * Everything the service holds about a resident, as one document they can download: profile, account,
   * every proposal made for them with its request, feedback, requests a coordinator left them out of
   * (and why), and the audit trail about them.
   */
  async export(id: string, actor: Actor): Promise<Record<string, unknown>> {
    await this.assertMayHandle(id, actor);
    const profile = await this.view(id);
    const [account]: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT email, name, role, status, created_at FROM accounts WHERE volunteer_id = $1`,
      [id],
    );
    const proposals: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT p.id, p.status, p.score, p.explanation, p.reason, p.hours, p.created_at, p.updated_at,
              json_build_object('id', r.id, 'kind', r.kind, 'title', r.title, 'organisation', o.name,
                'sessions', (SELECT json_agg(json_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at)
                                             ORDER BY s.starts_at) FROM request_slots s WHERE s.request_id = r.id)) AS request,
              (SELECT coalesce(json_agg(json_build_object('side', f.side, 'rating', f.rating, 'comment', f.comment,
                                                          'at', f.created_at)), '[]')
                 FROM feedback f WHERE f.proposal_id = p.id) AS feedback
         FROM proposals p JOIN requests r ON r.id = p.request_id JOIN organisations o ON o.id = r.organisation_id
        WHERE p.volunteer_id = $1 ORDER BY p.created_at`,
      [id],
    );
    const auditTrail: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT at, actor_role, action, subject_type, details FROM audit_entries
        WHERE (subject_type = 'volunteer' AND subject_id = $1::text)
           OR (subject_type = 'proposal'
               AND subject_id IN (SELECT id::text FROM proposals WHERE volunteer_id = $1::uuid))
        ORDER BY id`,
      [id],
    );
    const exclusions: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT request_id, reason, created_at FROM request_exclusions WHERE volunteer_id = $1 ORDER BY created_at`,
      [id],
    );
    await this.audit.record(this.dataSource.manager, actor, 'volunteer.exported', { type: 'volunteer', id });
    return {
      exportedAt: this.clock.now(),
      profile,
      account: account ?? null,
      proposals,
      exclusions,
      auditTrail,
    };
  }

  async update(id: string, dto: UpdateVolunteerDto, actor: Actor): Promise<VolunteerView> {
    await this.assertMayHandle(id, actor);
    await this.checkReferences(dto);
    const volunteer = await this.writing(async (manager) => {
      const current = await this.lock(manager, id);
      if (current.status === 'withdrawn') {
        throw new ConflictError('errors.invalidTransition', {
          entity: 'volunteer',
          from: current.status,
          action: 'update',
        });
      }
      const { skills, learningOutcomes, availability, unavailableDates, travelDistrictCodes, ...scalars } =
        dto;
      // The resident's own change is their answer to a coordinator's question, if one was asked.
      const answered =
        actor.role === 'volunteer' ? { informationRequested: null, informationRequestedAt: null } : {};
      await manager.update(Volunteer, id, { ...scalars, ...answered, revision: current.revision + 1 });
      await this.replaceCollections(manager, id, {
        skills,
        learningOutcomes,
        availability,
        unavailableDates,
        travelDistrictCodes,
      });
      await this.audit.record(
        manager,
        actor,
        'volunteer.updated',
        { type: 'volunteer', id },
        { fields: Object.keys(dto) },
      );
      return { ...current, revision: current.revision + 1 };
    });
    if (volunteer.status === 'active') await this.matching.volunteerChanged(volunteer);
    return this.view(id);
  }

  async recordConsent(id: string, dto: ConsentDto, actor: Actor): Promise<VolunteerView> {
    this.checkConsentVersion(dto);
    await this.assertMayHandle(id, actor);
    const volunteer = await this.writing(async (manager) => {
      const current = await this.lock(manager, id);
      const revision = current.revision + 1;
      await manager.update(Volunteer, id, {
        consentVersion: dto.version,
        consentedAt: this.clock.now(),
        revision,
      });
      await this.audit.record(
        manager,
        actor,
        'volunteer.consented',
        { type: 'volunteer', id },
        { version: dto.version },
      );
      return { ...current, revision };
    });
    // Consent to a new notice makes an active resident matchable again.
    if (volunteer.status === 'active') await this.matching.volunteerChanged(volunteer);
    return this.view(id);
  }

  /** Only a sign-up still under review can be asked about; asking again replaces the question. */
  async requestInformation(id: string, message: string, actor: Actor): Promise<VolunteerView> {
    await this.assertMayHandle(id, actor);
    await this.writing(async (manager) => {
      const current = await this.lock(manager, id);
      if (current.status !== 'pending_review') {
        throw new ConflictError('errors.invalidTransition', {
          entity: 'volunteer',
          from: current.status,
          action: 'requestInformation',
        });
      }
      await manager.update(Volunteer, id, {
        informationRequested: message,
        informationRequestedAt: this.clock.now(),
      });
      await this.audit.record(
        manager,
        actor,
        'volunteer.informationRequested',
        { type: 'volunteer', id },
        { message },
      );
      await this.notices.informationRequested(manager, id, this.clock.now());
    });
    return this.view(id);
  }

  /**
   * Activation needs consent. Suspending or withdrawing releases every proposal and booking the resident
   * holds, so the requests they were part of look for someone else. Withdrawing also erases their
   * personal data and their account at once (see ResidentErasure); it cannot be undone.
   */
  async changeStatus(
    id: string,
    change: StatusChange,
    actor: Actor,
    reason?: string,
  ): Promise<VolunteerView> {
    await this.assertMayHandle(id, actor);
    const rule = STATUS_CHANGES[change];
    const { volunteer, affectedRequests } = await this.writing(async (manager) => {
      if (rule.to !== 'active') await this.proposals.lockRequestsHeldBy(manager, id);
      const current = await this.lock(manager, id);
      if (!rule.from.includes(current.status)) {
        throw new ConflictError('errors.invalidTransition', {
          entity: 'volunteer',
          from: current.status,
          action: change,
        });
      }
      if (rule.to === 'active' && current.consentVersion !== this.config.PRIVACY_NOTICE_VERSION) {
        throw new ConflictError('errors.consentMissing', { version: this.config.PRIVACY_NOTICE_VERSION });
      }
      const revision = current.revision + 1;
      await manager.update(Volunteer, id, {
        status: rule.to,
        revision,
        informationRequested: null,
        informationRequestedAt: null,
      });
      const released =
        rule.to === 'active' ? [] : await this.proposals.releaseAllOfVolunteer(manager, id, actor);
      if (rule.to === 'active' && current.status === 'pending_review')
        await this.notices.residentActivated(manager, id);
      if (rule.to === 'withdrawn') {
        await this.erasure.erase(manager, id);
      } else {
        // A resident who may not take part may not sign in either; reactivation lets them back.
        const account = await this.accounts.accountOfVolunteer(manager, id);
        const accountStatus = rule.to === 'active' ? 'active' : 'suspended';
        if (account && account.status !== accountStatus) {
          await this.accounts.setStatus(manager, actor, account.id, accountStatus);
        }
      }
      await this.audit.record(
        manager,
        actor,
        rule.audited,
        { type: 'volunteer', id },
        {
          from: current.status,
          reason: reason ?? null,
        },
      );
      return { volunteer: { ...current, status: rule.to, revision }, affectedRequests: released };
    });
    await this.proposals.rematch({
      requests: affectedRequests,
      residents: volunteer.status === 'active' ? [volunteer] : [],
    });
    return this.view(id);
  }

  /**
   * A resident acts on their own profile only, a coordinator on the residents of their districts; to
   * anyone else a profile is not there.
   */
  private async assertMayHandle(id: string, actor: Actor): Promise<void> {
    const resident = await this.dataSource
      .getRepository(Volunteer)
      .findOne({ where: { id }, select: { id: true, homeDistrictCode: true } });
    if (!resident || !mayHandleResident(actor, resident)) throw new NotFoundError('volunteer', id);
  }

  private async view(id: string): Promise<VolunteerView> {
    const volunteer = await this.dataSource
      .getRepository(Volunteer)
      .findOne({ where: { id }, relations: PROFILE_RELATIONS });
    if (!volunteer) throw new NotFoundError('volunteer', id);
    return VolunteerView.of(volunteer);
  }

  private async lock(manager: EntityManager, id: string): Promise<Volunteer> {
    const volunteer = await manager.findOne(Volunteer, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!volunteer) throw new NotFoundError('volunteer', id);
    return volunteer;
  }

  /** Runs `work` in one transaction and turns a taken email into a 409. */
  private async writing<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.dataSource, work);
    } catch (error) {
      if (isUniqueViolation(error, 'volunteers_email_key')) throw new ConflictError('errors.emailTaken');
      throw error;
    }
  }

  /** Unknown skill and district codes are input errors, reported against the field that holds them. */
  /** Consent counts only for the privacy notice in force. */
  private checkConsentVersion(consent: ConsentDto | undefined): void {
    if (consent && consent.version !== this.config.PRIVACY_NOTICE_VERSION) {
      throw new InvalidInputError([
        {
          field: 'consent.version',
          code: 'validation.notCurrentNotice',
          params: { version: this.config.PRIVACY_NOTICE_VERSION },
        },
      ]);
    }
  }

  private async checkReferences(dto: UpdateVolunteerDto): Promise<void> {
    const skillRefs: [string, string][] = [
      ...(dto.skills ?? []).map((skill, i): [string, string] => [`skills[${i}].skillCode`, skill.skillCode]),
      ...(dto.learningOutcomes ?? []).flatMap((outcome, i) =>
        outcome.skillCodes.map((code, j): [string, string] => [
          `learningOutcomes[${i}].skillCodes[${j}]`,
          code,
        ]),
      ),
    ];
    const districtRefs: [string, string][] = [
      ...(dto.homeDistrictCode ? [['homeDistrictCode', dto.homeDistrictCode] as [string, string]] : []),
      ...(dto.travelDistrictCodes ?? []).map((code, i): [string, string] => [
        `travelDistrictCodes[${i}]`,
        code,
      ]),
    ];
    const unknownSkills = new Set(await this.taxonomy.unknownSkillCodes(skillRefs.map(([, code]) => code)));
    const unknownDistricts = new Set(await this.districts.unknownCodes(districtRefs.map(([, code]) => code)));
    const problems: FieldProblem[] = [
      ...skillRefs
        .filter(([, code]) => unknownSkills.has(code))
        .map(([field, id]) => ({ field, code: 'validation.unknownSkill', params: { id } })),
      ...districtRefs
        .filter(([, code]) => unknownDistricts.has(code))
        .map(([field, id]) => ({ field, code: 'validation.unknownDistrict', params: { id } })),
    ];
    if (problems.length > 0) throw new InvalidInputError(problems);
  }

  /** Replaces each list the caller gave; lists left out stay as they are. */
  private async replaceCollections(
    manager: EntityManager,
    volunteerId: string,
    lists: Pick<
      UpdateVolunteerDto,
      'skills' | 'learningOutcomes' | 'availability' | 'unavailableDates' | 'travelDistrictCodes'
    >,
  ): Promise<void> {
    if (lists.skills) {
      await manager.delete(VolunteerSkill, { volunteerId });
      if (lists.skills.length > 0)
        await manager.insert(
          VolunteerSkill,
          lists.skills.map((skill) => ({
            volunteerId,
            skillCode: skill.skillCode,
            level: skill.level,
            note: skill.note ?? null,
          })),
        );
    }
    if (lists.learningOutcomes) {
      await manager.delete(LearningOutcome, { volunteerId });
      for (const outcome of lists.learningOutcomes) {
        await manager.save(
          manager.create(LearningOutcome, {
            volunteerId,
            kind: outcome.kind,
            title: outcome.title,
            issuer: outcome.issuer ?? null,
            achievedOn: outcome.achievedOn ?? null,
            skills: outcome.skillCodes.map((code) => ({ code })),
          }),
        );
      }
    }
    if (lists.availability) {
      await manager.delete(AvailabilityWindow, { volunteerId });
      if (lists.availability.length > 0)
        await manager.insert(
          AvailabilityWindow,
          lists.availability.map((window) => ({ volunteerId, ...window })),
        );
    }
    if (lists.unavailableDates) {
      await manager.delete(UnavailableDate, { volunteerId });
      if (lists.unavailableDates.length > 0)
        await manager.insert(
          UnavailableDate,
          lists.unavailableDates.map((day) => ({ volunteerId, date: day.date, reason: day.reason ?? null })),
        );
    }
    if (lists.travelDistrictCodes) {
      await manager.query(`DELETE FROM volunteer_travel_districts WHERE volunteer_id = $1`, [volunteerId]);
      await manager.query(
        `INSERT INTO volunteer_travel_districts (volunteer_id, district_code) SELECT $1, unnest($2::text[])`,
        [volunteerId, lists.travelDistrictCodes],
      );
    }
  }
}
