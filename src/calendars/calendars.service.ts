import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { newSecretToken, hashSecretToken } from '../accounts/secret-token.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { mayHandleRequest } from '../common/actor/access.js';
import { Clock } from '../common/clock.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-error.js';
import { translate, type Locale } from '../common/i18n/i18n.js';
import { AppConfig } from '../config/app-config.js';
import { inTransaction } from '../database/transaction.js';
import { Proposal } from '../proposals/proposal.entity.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import { CalendarEntries, type ActivitySession, type FeedWindow } from './calendar-entries.repository.js';
import { CalendarFeedView, type CreateCalendarFeedDto } from './dto/calendar-feed.dto.js';
import { icsCalendar, type CalendarEvent } from './ics-calendar.js';

/** How far back a feed lists sessions. */
const FEED_PAST_DAYS = 90;
/** How long a cancelled session stays in feeds (as cancelled), so subscribed calendars drop it. */
const CANCELLED_KEPT_DAYS = 30;
const DAY_MS = 86_400_000;

/** Where a calendar entry links to: the resident's My page, or the request's page. */
type Audience = 'resident' | 'requesting side';

/**
 * Calendars (カレンダー連携): an `.ics` file per activity for those who may see it, and private feed
 * URLs (one per resident, one per organisation) that calendar apps poll without signing in.
 */
@Injectable()
export class CalendarsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entries: CalendarEntries,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * One activity's sessions: for its resident, the requesting organisation's members and the staff who
   * handle the request. Before the resident has accepted there is nothing to put in a calendar (409).
   */
  async activityCalendar(proposalId: string, actor: Actor, locale: Locale): Promise<string> {
    const proposal = await this.dataSource.getRepository(Proposal).findOne({
      where: { id: proposalId },
      relations: { request: true },
    });
    const isResident = actor.role === 'volunteer';
    const visible =
      proposal &&
      (isResident
        ? actor.volunteerId === proposal.volunteerId && !['proposed', 'rejected'].includes(proposal.status)
        : mayHandleRequest(actor, proposal.request));
    if (!proposal || !visible) throw new NotFoundError('proposal', proposalId);
    const confirmed =
      ['accepted', 'completed'].includes(proposal.status) ||
      (proposal.status === 'withdrawn' && proposal.acceptedAt !== null);
    if (!confirmed) throw new ConflictError('errors.activityNotConfirmed');
    const sessions = await this.entries.ofProposal(proposalId);
    return icsCalendar(
      proposal.request.title,
      this.events(sessions, isResident ? 'resident' : 'requesting side', locale),
      this.clock.now(),
    );
  }

  /** A new private feed URL; one the same owner had before stops working. */
  async createFeed(dto: CreateCalendarFeedDto, actor: Actor): Promise<CalendarFeedView> {
    const owner = this.feedOwner(dto, actor);
    const { token, hash } = newSecretToken();
    const id = await inTransaction(this.dataSource, async (manager) => {
      const live = await manager.findOne(CalendarFeed, {
        where: { ...owner, revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (live) {
        await manager.update(CalendarFeed, live.id, { revokedAt: this.clock.now() });
        await this.audit.record(manager, actor, 'calendarFeed.revoked', {
          type: 'calendarFeed',
          id: live.id,
        });
      }
      const created = await manager.save(
        manager.create(CalendarFeed, { ...owner, owner: dto.owner, tokenHash: hash, createdBy: actor.id }),
      );
      await this.audit.record(manager, actor, 'calendarFeed.created', {
        type: 'calendarFeed',
        id: created.id,
      });
      return created.id;
    });
    const [view] = await this.views({ id });
    return { ...view, url: `${this.config.PUBLIC_URL}/api/v1/calendar-feeds/${token}.ics` };
  }

  /** The caller's live feeds: their own as a resident, their organisations' as a requester. */
  async listFeeds(actor: Actor): Promise<CalendarFeedView[]> {
    if (actor.role === 'volunteer') return this.views({ volunteerId: actor.volunteerId ?? '' });
    return this.views({ organisationId: In(actor.organisationIds ?? []) });
  }

  /** The URL stops working at once. */
  async revokeFeed(id: string, actor: Actor): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const feed = await manager.findOne(CalendarFeed, {
        where: { id, revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      const own =
        feed &&
        (actor.role === 'volunteer'
          ? feed.volunteerId === actor.volunteerId
          : (actor.organisationIds ?? []).includes(feed.organisationId ?? ''));
      if (!feed || !own) throw new NotFoundError('calendarFeed', id);
      await manager.update(CalendarFeed, id, { revokedAt: this.clock.now() });
      await this.audit.record(manager, actor, 'calendarFeed.revoked', { type: 'calendarFeed', id });
    });
  }

  /** What a calendar app gets for the secret in a feed URL; a revoked or unknown one is a 404. */
  async feedCalendar(file: string, locale: Locale): Promise<string> {
    const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file)?.[1];
    const feed = token
      ? await this.dataSource.getRepository(CalendarFeed).findOne({
          where: { tokenHash: hashSecretToken(token), revokedAt: IsNull() },
          relations: { organisation: true },
        })
      : null;
    if (!feed) throw new NotFoundError('calendarFeed', file);
    const now = this.clock.now();
    const window: FeedWindow = {
      since: new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS),
      cancelledSince: new Date(now.getTime() - CANCELLED_KEPT_DAYS * DAY_MS),
    };
    if (feed.organisation) {
      const sessions = await this.entries.ofOrganisation(feed.organisation.id, window);
      return icsCalendar(
        translate(locale, 'calendar.organisationName', { organisation: feed.organisation.name }),
        this.events(sessions, 'requesting side', locale),
        now,
      );
    }
    const sessions = await this.entries.ofResident(feed.volunteerId!, window);
    return icsCalendar(
      translate(locale, 'calendar.residentName'),
      this.events(sessions, 'resident', locale),
      now,
    );
  }

  /** Whose feed the caller may make: a resident their own, a requester one of their organisations'. */
  private feedOwner(
    dto: CreateCalendarFeedDto,
    actor: Actor,
  ): { volunteerId: string } | { organisationId: string } {
    if (dto.owner === 'resident') {
      if (actor.role !== 'volunteer' || !actor.volunteerId) {
        throw new InvalidInputError([{ field: 'owner', code: 'validation.feedOwnerNotYours' }]);
      }
      return { volunteerId: actor.volunteerId };
    }
    const own = actor.role === 'requester' ? (actor.organisationIds ?? []) : [];
    if (dto.organisationId) {
      if (!own.includes(dto.organisationId)) {
        throw new InvalidInputError([{ field: 'organisationId', code: 'validation.feedOwnerNotYours' }]);
      }
      return { organisationId: dto.organisationId };
    }
    if (own.length !== 1) {
      throw new InvalidInputError([
        {
          field: own.length === 0 ? 'owner' : 'organisationId',
          code: own.length === 0 ? 'validation.feedOwnerNotYours' : 'validation.feedOrganisationRequired',
        },
      ]);
    }
    return { organisationId: own[0] };
  }

  private async views(where: object): Promise<CalendarFeedView[]> {
    const feeds = await this.dataSource.getRepository(CalendarFeed).find({
      where: { ...where, revokedAt: IsNull() },
      relations: { organisation: true },
      order: { createdAt: 'ASC' },
    });
    return feeds.map((feed) => ({
      id: feed.id,
      owner: feed.owner,
      organisation: feed.organisation ? { id: feed.organisation.id, name: feed.organisation.name } : null,
      createdAt: feed.createdAt,
    }));
  }

  private events(sessions: ActivitySession[], audience: Audience, locale: Locale): CalendarEvent[] {
    const domain = new URL(this.config.PUBLIC_URL).hostname;
    return sessions.map((session) => {
      const link =
        audience === 'resident'
          ? `${this.config.PUBLIC_URL}/my`
          : `${this.config.PUBLIC_URL}/requests/${session.requestId}`;
      return {
        // The same session of the same activity always has the same UID, so a calendar updates it.
        uid: `${session.proposalId ?? session.requestId}-${session.slotId}@${domain}`,
        // A cancellation is a change a calendar must take over the entry it holds.
        sequence: session.sequence + (session.cancelled ? 1 : 0),
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        summary: session.title,
        location: session.online ? translate(locale, 'calendar.online') : (session.venue ?? ''),
        description: [
          translate(locale, 'calendar.organisation', { organisation: session.organisationName }),
          translate(locale, 'calendar.page', { link }),
        ].join('\n'),
        url: link,
        cancelled: session.cancelled,
        changedAt: session.changedAt,
      };
    });
  }
}
