import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import type { Account } from './account.entity.js';
import { hashSecretToken, newSecretToken } from './secret-token.js';
import { Session } from './session.entity.js';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async issue(manager: EntityManager, account: Account): Promise<IssuedSession> {
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    await manager.insert(Session, { accountId: account.id, tokenHash: hash, expiresAt });
    return { token, expiresAt };
  }

  /** The actor behind a bearer token, or null when it is unknown, expired, revoked or its account suspended. */
  async authenticate(token: string): Promise<Actor | null> {
    const rows: {
      id: string;
      role: Actor['role'];
      volunteer_id: string | null;
      organisation_ids: string[];
      district_codes: string[] | null;
    }[] = await this.dataSource.query(
      `SELECT a.id, a.role, a.volunteer_id, a.district_codes,
                ARRAY(SELECT m.organisation_id FROM memberships m WHERE m.account_id = a.id) AS organisation_ids
           FROM sessions s JOIN accounts a ON a.id = s.account_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND a.status = 'active'`,
      [hashSecretToken(token), this.clock.now()],
    );
    const [account] = rows;
    if (!account) return null;
    return {
      id: account.id,
      role: account.role,
      ...(account.volunteer_id ? { volunteerId: account.volunteer_id } : {}),
      ...(account.role === 'requester' ? { organisationIds: account.organisation_ids } : {}),
      ...(account.district_codes ? { districtCodes: account.district_codes } : {}),
    };
  }

  async revoke(token: string): Promise<void> {
    await this.dataSource
      .getRepository(Session)
      .update({ tokenHash: hashSecretToken(token), revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Ends every session of an account at once: on a password change or a suspension. */
  async revokeAll(manager: EntityManager, accountId: string): Promise<void> {
    await manager.update(Session, { accountId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }
}
