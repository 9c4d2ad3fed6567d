import { createHash, randomBytes } from 'node:crypto';
import {
  Column,
  CreateDateColumn,
  PrimaryGeneratedColumn,
  type EntityManager,
  type EntityTarget,
} from 'typeorm';

/**
 * A secret handed to one person (a session token, a password-reset or invitation link). Only its SHA-256
 * is stored, so a copy of the database lets nobody in.
 */
export function newSecretToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

/**
 * What every table of such secrets stores (sessions, password resets, invitations): the SHA-256 of the
 * token, never the token itself, and how long it is good for.
 */
export abstract class StoredSecret {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('bytea', { unique: true })
  tokenHash: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;
}

export function hashSecretToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Uses up the mailed link whose token this is, if it is unused and unexpired, in one statement, so two
 * clicks at once cannot both succeed. Returns the named columns of its row, or undefined.
 */
export async function claimLink<Link extends StoredSecret, Row>(
  manager: EntityManager,
  link: EntityTarget<Link>,
  usedProperty: keyof Link & string,
  token: string,
  now: Date,
  columns: string,
): Promise<Row | undefined> {
  const used = manager.connection.getMetadata(link).findColumnWithPropertyName(usedProperty)!.databaseName;
  const { raw } = (await manager
    .createQueryBuilder()
    .update(link)
    .set({ [usedProperty]: now } as object)
    .where(`token_hash = :hash AND ${used} IS NULL AND expires_at > :now`, {
      hash: hashSecretToken(token),
      now,
    })
    .returning(columns)
    .execute()) as { raw: Row[] };
  return raw[0];
}
