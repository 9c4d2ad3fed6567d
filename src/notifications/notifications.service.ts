import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { hashSecretToken } from '../accounts/secret-token.js';
import { mayHandleRequest, mayHandleResident } from '../common/actor/access.js';
import type { Actor, Role } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-error.js';
import { inTransaction } from '../database/transaction.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { AnswerLink } from './answer-link.entity.js';
import type {
  AnswerDto,
  AnswerLinkView,
  NotificationQueryDto,
  NotificationRecordView,
  NotificationSettingsDto,
  NotificationSettingsView,
  UnsubscribedView,
} from './dto/notification.dto.js';
import { Notification, type NotificationKind } from './notification.entity.js';
import { NotificationOptOut } from './notification-opt-out.entity.js';

/** The kinds each role can get, so a settings page offers only what concerns them. */
const KINDS_BY_ROLE: Record<Role, NotificationKind[]> = {
  volunteer: [
    'proposalApproved',
    'sessionReminder',
    'sessionMoved',
    'requestCancelled',
    'informationRequested',
    'residentActivated',
  ],
  requester: ['proposalAnswered', 'sessionReminder', 'sessionMoved', 'requestCancelled'],
  coordinator: ['requestShort', 'coordinatorDigest'],
  admin: [],
};

/** What people do with their mail: answer by link, stop a kind, choose their settings, see the records. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ProposalsService,
    private readonly clock: Clock,
  ) {}

  async answerLink(token: string): Promise<AnswerLinkView> {
    const { link, resident } = await this.usableLink(token);
    return { proposal: await this.proposals.findOne(link.proposalId, resident), expiresAt: link.expiresAt };
  }

  /**
   * Accepts or declines as the resident the link was mailed to. The proposal's own rules decide (it must
   * still be approved); the link is used up only once the answer is taken.
   */
  async answer(token: string, dto: AnswerDto): Promise<AnswerLinkView> {
    const { link, resident } = await this.usableLink(token);
    const proposal =
      dto.answer === 'accept'
        ? await this.proposals.accept(link.proposalId, resident)
        : await this.proposals.decline(link.proposalId, resident, dto.reason);
    await this.dataSource
      .getRepository(AnswerLink)
      .update({ id: link.id, usedAt: IsNull() }, { usedAt: this.clock.now() });
    return { proposal, expiresAt: link.expiresAt };
  }

  private async usableLink(token: string): Promise<{ link: AnswerLink; resident: Actor }> {
    const link = await this.dataSource
      .getRepository(AnswerLink)
      .findOneBy({ tokenHash: hashSecretToken(token) });
    if (!link || link.expiresAt <= this.clock.now()) {
      throw new InvalidInputError([{ field: 'token', code: 'errors.linkInvalid' }]);
    }
    if (link.usedAt) throw new ConflictError('errors.answerLinkUsed');
    const [account] = await this.dataSource.query<{ id: string; volunteer_id: string }[]>(
      `SELECT a.id, a.volunteer_id FROM accounts a JOIN proposals p ON p.volunteer_id = a.volunteer_id
        WHERE p.id = $1 AND a.status = 'active'`,
      [link.proposalId],
    );
    if (!account) throw new InvalidInputError([{ field: 'token', code: 'errors.linkInvalid' }]);
    return { link, resident: { id: account.id, role: 'volunteer', volunteerId: account.volunteer_id } };
  }

  /** The link at the foot of a message stops that kind of message for its recipient. */
  async unsubscribe(token: string): Promise<UnsubscribedView> {
    const notification = await this.dataSource
      .getRepository(Notification)
      .findOneBy({ unsubscribeHash: hashSecretToken(token) });
    if (!notification) throw new InvalidInputError([{ field: 'token', code: 'errors.linkInvalid' }]);
    await this.dataSource
      .getRepository(NotificationOptOut)
      .upsert({ accountId: notification.accountId, kind: notification.kind }, ['accountId', 'kind']);
    return { kind: notification.kind };
  }

  async settings(actor: Actor): Promise<NotificationSettingsView> {
    const [account] = await this.dataSource.query<{ locale: NotificationSettingsView['locale'] }[]>(
      `SELECT locale FROM accounts WHERE id = $1`,
      [actor.id],
    );
    const stopped = await this.dataSource.getRepository(NotificationOptOut).findBy({ accountId: actor.id });
    const kinds = KINDS_BY_ROLE[actor.role];
    return {
      locale: account.locale,
      kinds,
      stopped: kinds.filter((kind) => stopped.some((optOut) => optOut.kind === kind)),
    };
  }

  async changeSettings(actor: Actor, dto: NotificationSettingsDto): Promise<NotificationSettingsView> {
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`UPDATE accounts SET locale = $2, updated_at = now() WHERE id = $1`, [
        actor.id,
        dto.locale,
      ]);
      await manager.delete(NotificationOptOut, { accountId: actor.id });
      if (dto.stopped.length > 0)
        await manager.insert(
          NotificationOptOut,
          dto.stopped.map((kind) => ({ accountId: actor.id, kind })),
        );
    });
    return this.settings(actor);
  }

  /** Who was told what about a request or a resident, newest first: for the coordinators. */
  async records(query: NotificationQueryDto, actor: Actor): Promise<NotificationRecordView[]> {
    if (!query.requestId && !query.volunteerId) {
      throw new InvalidInputError([{ field: 'requestId', code: 'validation.isDefined' }]);
    }
    if (query.requestId) {
      const [request] = await this.dataSource.query<
        { district_code: string | null; organisation_id: string }[]
      >(`SELECT district_code, organisation_id FROM requests WHERE id = $1`, [query.requestId]);
      if (
        !request ||
        !mayHandleRequest(actor, {
          organisationId: request.organisation_id,
          districtCode: request.district_code,
        })
      )
        throw new NotFoundError('request', query.requestId);
    }
    if (query.volunteerId) {
      const [resident] = await this.dataSource.query<{ id: string; home_district_code: string }[]>(
        `SELECT id, home_district_code FROM volunteers WHERE id = $1`,
        [query.volunteerId],
      );
      if (
        !resident ||
        !mayHandleResident(actor, { id: resident.id, homeDistrictCode: resident.home_district_code })
      )
        throw new NotFoundError('volunteer', query.volunteerId);
    }
    const rows = await this.dataSource.query<
      (Omit<NotificationRecordView, 'recipientName' | 'recipientRole' | 'sendAt' | 'sentAt'> & {
        name: string;
        role: string;
        send_at: Date;
        sent_at: Date | null;
      })[]
    >(
      `SELECT n.id, n.kind, a.name, a.role, n.status, n.send_at, n.sent_at, n.attempts, n.outcome
         FROM notifications n JOIN accounts a ON a.id = n.account_id
        WHERE ($1::uuid IS NULL OR n.request_id = $1)
          AND ($2::uuid IS NULL OR a.volunteer_id = $2)
        ORDER BY n.send_at DESC, n.created_at DESC LIMIT 200`,
      [query.requestId ?? null, query.volunteerId ?? null],
    );
    return rows.map(({ name, role, send_at, sent_at, ...row }) => ({
      ...row,
      recipientName: name,
      recipientRole: role,
      sendAt: send_at,
      sentAt: sent_at,
    }));
  }
}
