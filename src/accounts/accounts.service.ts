import type { Locale } from '../common/i18n/i18n.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, Role } from '../common/actor/actor.js';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
} from '../common/errors/domain-error.js';
import { isUniqueViolation } from '../common/errors/postgres-errors.js';
import { inTransaction } from '../database/transaction.js';
import { DistrictsService } from '../districts/districts.service.js';
import { Account, type AccountStatus } from './account.entity.js';
import type { AccountView, SessionView } from './dto/auth.dto.js';
import { DECOY_HASH, hashPassword, verifyPassword } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';
import { SignInLimiter } from './sign-in-limiter.js';

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  password: string;
  volunteerId?: string;
  districtCodes?: string[];
  /** The language mail is written to them in. */
  locale?: Locale;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly limiter: SignInLimiter,
    private readonly districts: DistrictsService,
  ) {}

  /** Creates an account inside the caller's transaction; a taken email is a 409. */
  async create(manager: EntityManager, input: NewAccount): Promise<Account> {
    const passwordHash = await hashPassword(input.password);
    try {
      // A savepoint, so a taken email leaves the caller's transaction usable for its own error handling.
      return await manager.transaction((inner) =>
        inner.save(
          inner.create(Account, {
            email: input.email,
            name: input.name,
            role: input.role,
            passwordHash,
            volunteerId: input.volunteerId ?? null,
            districtCodes: input.districtCodes ?? null,
            locale: input.locale ?? 'ja',
          }),
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'accounts_email_key')) throw new ConflictError('errors.emailTaken');
      throw error;
    }
  }

  /** Signs in; an unknown email and a wrong password answer alike, and take as long. */
  async login(email: string, password: string, address: string): Promise<SessionView> {
    await this.limiter.assertMayTry(email, address);
    const account = await this.withPasswordHash('lower(account.email) = lower(:email)', { email });
    const valid = await verifyPassword(password, account?.passwordHash ?? DECOY_HASH);
    if (!account || !valid || account.status !== 'active') {
      await this.limiter.recordFailure(email, address);
      throw new UnauthenticatedError('errors.invalidCredentials');
    }
    await this.limiter.recordSuccess(email);
    return inTransaction(this.dataSource, async (manager) => {
      await this.audit.record(manager, this.actorOf(account), 'account.signedIn', {
        type: 'account',
        id: account.id,
      });
      return this.startSession(manager, account);
    });
  }

  /** A session for an account just created in the caller's transaction. */
  async startSession(manager: EntityManager, account: Account): Promise<SessionView> {
    const session = await this.sessions.issue(manager, account);
    return { ...session, account: this.view(account) };
  }

  async me(actor: Actor): Promise<AccountView> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ id: actor.id });
    if (!account) throw new NotFoundError('account', actor.id);
    return this.view(account);
  }

  /** A new password ends every session, this one included, and starts a fresh one. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<SessionView> {
    const account = await this.withPasswordHash('account.id = :id', { id: actor.id });
    if (!account?.passwordHash || !(await verifyPassword(currentPassword, account.passwordHash))) {
      throw new UnauthenticatedError('errors.invalidCredentials');
    }
    const passwordHash = await hashPassword(newPassword);
    return inTransaction(this.dataSource, async (manager) => {
      await manager.update(Account, account.id, { passwordHash });
      await this.sessions.revokeAll(manager, account.id);
      await this.audit.record(manager, actor, 'account.passwordChanged', { type: 'account', id: account.id });
      return this.startSession(manager, account);
    });
  }

  /** An admin creates a coordinator's (or another admin's) account. */
  async createStaff(actor: Actor, input: NewAccount): Promise<AccountView> {
    await this.checkDistricts(input.role, input.districtCodes ?? null);
    return inTransaction(this.dataSource, async (manager) => {
      const account = await this.create(manager, input);
      await this.audit.record(
        manager,
        actor,
        'account.created',
        { type: 'account', id: account.id },
        { role: account.role },
      );
      return this.view(account);
    });
  }

  /** An admin changes which districts a coordinator covers; null for the whole city. */
  async setDistricts(actor: Actor, accountId: string, districtCodes: string[] | null): Promise<AccountView> {
    return inTransaction(this.dataSource, async (manager) => {
      const account = await manager.findOne(Account, {
        where: { id: accountId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!account) throw new NotFoundError('account', accountId);
      await this.checkDistricts(account.role, districtCodes);
      await manager.update(Account, accountId, { districtCodes });
      await this.audit.record(
        manager,
        actor,
        'account.districtsChanged',
        { type: 'account', id: accountId },
        {
          districtCodes,
        },
      );
      return this.view({ ...account, districtCodes });
    });
  }

  private async checkDistricts(role: Role, districtCodes: string[] | null): Promise<void> {
    if (districtCodes === null) return;
    if (role !== 'coordinator') {
      throw new InvalidInputError([{ field: 'districtCodes', code: 'validation.onlyForCoordinators' }]);
    }
    const unknown = new Set(await this.districts.unknownCodes(districtCodes));
    const problems = districtCodes.flatMap((id, i) =>
      unknown.has(id)
        ? [{ field: `districtCodes[${i}]`, code: 'validation.unknownDistrict', params: { id } }]
        : [],
    );
    if (problems.length > 0) throw new InvalidInputError(problems);
  }

  /**
   * Suspends or reactivates an account. Suspension ends its sessions at once: the next request with
   * their token is refused. Runs in the caller's transaction when given one (a resident's suspension).
   */
  async setStatus(
    manager: EntityManager,
    actor: Actor,
    accountId: string,
    status: AccountStatus,
  ): Promise<void> {
    const { affected } = await manager.update(Account, accountId, { status });
    if (!affected) throw new NotFoundError('account', accountId);
    if (status === 'suspended') await this.sessions.revokeAll(manager, accountId);
    await this.audit.record(manager, actor, `account.${status}`, { type: 'account', id: accountId });
  }

  changeStatus(actor: Actor, accountId: string, status: AccountStatus): Promise<void> {
    return inTransaction(this.dataSource, (manager) => this.setStatus(manager, actor, accountId, status));
  }

  /** The account of a resident's profile, if they have one. */
  accountOfVolunteer(manager: EntityManager, volunteerId: string): Promise<Account | null> {
    return manager.findOneBy(Account, { volunteerId });
  }

  /** The hash is left out of every other read of an account (`select: false`). */
  private withPasswordHash(where: string, parameters: Record<string, string>): Promise<Account | null> {
    return this.dataSource
      .getRepository(Account)
      .createQueryBuilder('account')
      .addSelect('account.passwordHash')
      .where(where, parameters)
      .getOne();
  }

  private actorOf(account: Account): Actor {
    return { id: account.id, role: account.role };
  }

  private view(account: Account): AccountView {
    return {
      id: account.id,
      email: account.email,
      name: account.name,
      role: account.role,
      volunteerId: account.volunteerId,
      districtCodes: account.districtCodes,
    };
  }
}
