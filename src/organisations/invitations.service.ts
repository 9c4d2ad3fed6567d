import type { Locale } from '../common/i18n/i18n.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Account } from '../accounts/account.entity.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { SessionView } from '../accounts/dto/auth.dto.js';
import { claimLink, newSecretToken } from '../accounts/secret-token.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain-error.js';
import { translate } from '../common/i18n/i18n.js';
import { AppConfig } from '../config/app-config.js';
import { inTransaction } from '../database/transaction.js';
import { Mailer } from '../mail/mailer.js';
import type { CreateInvitationDto, InvitationView } from './dto/invitation.dto.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { mayManageOrganisation } from '../common/actor/access.js';
import { Organisation } from './organisation.entity.js';

const LINK_VALID_DAYS = 14;

/** Coordinators invite an organisation's staff by mail; the staff member sets a password to join. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Mails an invitation link. Inviting the same address again replaces the earlier, unused link. */
  async invite(organisationId: string, dto: CreateInvitationDto, actor: Actor): Promise<InvitationView> {
    const locale = dto.locale ?? 'ja';
    const { token, hash } = newSecretToken();
    const { invitation, organisation } = await inTransaction(this.dataSource, async (manager) => {
      const organisation = await manager.findOneBy(Organisation, { id: organisationId });
      if (!organisation || !mayManageOrganisation(actor, organisation))
        throw new NotFoundError('organisation', organisationId);
      const taken = await manager
        .createQueryBuilder(Account, 'account')
        .where('lower(account.email) = lower(:email)', { email: dto.email })
        .getExists();
      if (taken) throw new ConflictError('errors.emailTaken');
      await manager
        .createQueryBuilder()
        .delete()
        .from(Invitation)
        .where('organisation_id = :organisationId AND lower(email) = lower(:email) AND accepted_at IS NULL', {
          organisationId,
          email: dto.email,
        })
        .execute();
      const invitation = await manager.save(
        manager.create(Invitation, {
          organisationId,
          email: dto.email,
          name: dto.name,
          locale,
          invitedBy: actor.id,
          tokenHash: hash,
          expiresAt: new Date(this.clock.now().getTime() + LINK_VALID_DAYS * 86_400_000),
        }),
      );
      await this.audit.record(
        manager,
        actor,
        'organisation.staffInvited',
        {
          type: 'organisation',
          id: organisationId,
        },
        { invitation: invitation.id },
      );
      return { invitation, organisation };
    });
    const link = `${this.config.PUBLIC_URL}/invitation?token=${token}`;
    await this.mailer.send({
      to: invitation.email,
      subject: translate(locale, 'mail.invitation.subject', { organisation: organisation.name }),
      text: translate(locale, 'mail.invitation.text', {
        name: invitation.name,
        organisation: organisation.name,
        link,
        days: LINK_VALID_DAYS,
      }),
    });
    return {
      id: invitation.id,
      organisationId,
      email: invitation.email,
      name: invitation.name,
      expiresAt: invitation.expiresAt,
    };
  }

  /** Opens the invited person's requester account, acting for the organisation, and signs them in. */
  async accept(token: string, password: string): Promise<SessionView> {
    return inTransaction(this.dataSource, async (manager) => {
      const invitation = await claimLink<
        Invitation,
        { id: string; organisation_id: string; email: string; name: string; locale: Locale }
      >(
        manager,
        Invitation,
        'acceptedAt',
        token,
        this.clock.now(),
        'id, organisation_id, email, name, locale',
      );
      if (!invitation) throw new InvalidInputError([{ field: 'token', code: 'errors.linkInvalid' }]);
      const account = await this.accounts.create(manager, {
        email: invitation.email,
        name: invitation.name,
        role: 'requester',
        password,
        locale: invitation.locale,
      });
      await manager.insert(Membership, { accountId: account.id, organisationId: invitation.organisation_id });
      await this.audit.record(
        manager,
        { id: account.id, role: 'requester' },
        'organisation.memberAdded',
        { type: 'organisation', id: invitation.organisation_id },
        { account: account.id, invitation: invitation.id },
      );
      return this.accounts.startSession(manager, account);
    });
  }
}
