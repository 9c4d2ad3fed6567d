import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { InvalidInputError } from '../common/errors/domain-error.js';
import { translate, type Locale } from '../common/i18n/i18n.js';
import { AppConfig } from '../config/app-config.js';
import { inTransaction } from '../database/transaction.js';
import { Mailer } from '../mail/mailer.js';
import { Account } from './account.entity.js';
import { AccountsService } from './accounts.service.js';
import type { SessionView } from './dto/auth.dto.js';
import { hashPassword } from './password-hasher.js';
import { PasswordReset } from './password-reset.entity.js';
import { claimLink, newSecretToken } from './secret-token.js';
import { SessionsService } from './sessions.service.js';
import { SignInLimiter } from './sign-in-limiter.js';

const LINK_VALID_MINUTES = 60;

/** "I forgot my password": a one-time link by mail, then a new password that ends every old session. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly limiter: SignInLimiter,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Mails a reset link when the address belongs to an active account. The caller learns nothing either
   * way, so the form cannot be used to find out who is registered. A new link replaces any earlier one.
   */
  async requestLink(email: string, address: string, locale: Locale): Promise<void> {
    await this.limiter.recordResetRequest(address);
    const account = await this.dataSource
      .getRepository(Account)
      .createQueryBuilder('account')
      .where('lower(account.email) = lower(:email)', { email })
      .andWhere(`account.status = 'active'`)
      .getOne();
    if (!account) return;
    const { token, hash } = newSecretToken();
    await inTransaction(this.dataSource, async (manager) => {
      await manager.delete(PasswordReset, { accountId: account.id, usedAt: IsNull() });
      await manager.insert(PasswordReset, {
        accountId: account.id,
        tokenHash: hash,
        expiresAt: new Date(this.clock.now().getTime() + LINK_VALID_MINUTES * 60_000),
      });
      await this.audit.record(
        manager,
        { id: account.id, role: account.role },
        'account.passwordResetRequested',
        {
          type: 'account',
          id: account.id,
        },
      );
    });
    const link = `${this.config.PUBLIC_URL}/reset-password?token=${token}`;
    await this.mailer.send({
      to: account.email,
      subject: translate(locale, 'mail.passwordReset.subject'),
      text: translate(locale, 'mail.passwordReset.text', {
        name: account.name,
        link,
        minutes: LINK_VALID_MINUTES,
      }),
    });
  }

  /** Sets the new password once per link; every session of the account ends and a fresh one starts. */
  async resetPassword(token: string, newPassword: string): Promise<SessionView> {
    const passwordHash = await hashPassword(newPassword);
    return inTransaction(this.dataSource, async (manager) => {
      const claimed = await claimLink<PasswordReset, { account_id: string }>(
        manager,
        PasswordReset,
        'usedAt',
        token,
        this.clock.now(),
        'account_id',
      );
      const account = claimed
        ? await manager.findOneBy(Account, { id: claimed.account_id, status: 'active' })
        : null;
      if (!account) throw new InvalidInputError([{ field: 'token', code: 'errors.linkInvalid' }]);
      await manager.update(Account, account.id, { passwordHash });
      await this.sessions.revokeAll(manager, account.id);
      await this.audit.record(manager, { id: account.id, role: account.role }, 'account.passwordReset', {
        type: 'account',
        id: account.id,
      });
      return this.accounts.startSession(manager, account);
    });
  }
}
