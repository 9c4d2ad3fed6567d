import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import { Page, type PageQueryDto } from '../common/pagination/pagination.js';
import { AuditEntry, type AuditDetails } from './audit-entry.entity.js';

/** The matching worker acts as itself in the audit trail. */
export const MATCHING_WORKER_ACTOR = { id: 'matching-worker', role: 'system' } as const;

export interface AuditSubject {
  type: string;
  id: string;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Writes through the caller's transaction, so the entry exists exactly when the change does. */
  async record(
    manager: EntityManager,
    actor: Actor | typeof MATCHING_WORKER_ACTOR,
    action: string,
    subject: AuditSubject,
    details: AuditDetails = {},
  ): Promise<void> {
    await manager.insert(AuditEntry, {
      actorId: actor.id,
      actorRole: actor.role,
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      details,
    });
  }

  /**
   * Who read whose contact details, and when: one entry per resident whose details were shown, written
   * in one statement. Residents reading their own are not recorded.
   */
  async recordContactReads(
    actor: Actor,
    reads: { volunteerId: string; details?: AuditDetails }[],
  ): Promise<void> {
    if (actor.role === 'volunteer' || reads.length === 0) return;
    await this.entries.insert(
      reads.map(({ volunteerId, details = {} }) => ({
        actorId: actor.id,
        actorRole: actor.role,
        action: 'volunteer.contactRead',
        subjectType: 'volunteer',
        subjectId: volunteerId,
        details,
      })),
    );
  }

  /**
   * The audit trail, newest first. A coordinator limited to districts sees what they did themselves and
   * what happened to the residents, requests (with their proposals) and organisations of their districts:
   * the rules of src/common/actor/access.ts, in SQL.
   */
  async list(subject: Partial<AuditSubject>, page: PageQueryDto, actor: Actor): Promise<Page<AuditEntry>> {
    const builder = this.entries
      .createQueryBuilder('entry')
      .orderBy('entry.id', 'DESC')
      .skip(page.skip)
      .take(page.perPage);
    if (subject.type) builder.andWhere('entry.subject_type = :type', { type: subject.type });
    if (subject.id) builder.andWhere('entry.subject_id = :id', { id: subject.id });
    if (actor.districtCodes) {
      builder.andWhere(
        `(entry.actor_id = :self
          OR (entry.subject_type = 'volunteer' AND entry.subject_id IN (
                SELECT id::text FROM volunteers WHERE home_district_code = ANY(:covered)))
          OR (entry.subject_type = 'request' AND entry.subject_id IN (
                SELECT id::text FROM requests WHERE district_code IS NULL OR district_code = ANY(:covered)))
          OR (entry.subject_type = 'proposal' AND entry.subject_id IN (
                SELECT p.id::text FROM proposals p JOIN requests r ON r.id = p.request_id
                 WHERE r.district_code IS NULL OR r.district_code = ANY(:covered)))
          OR (entry.subject_type = 'organisation' AND entry.subject_id IN (
                SELECT id::text FROM organisations WHERE district_code IS NULL OR district_code = ANY(:covered))))`,
        { self: actor.id, covered: actor.districtCodes },
      );
    }
    const [items, total] = await builder.getManyAndCount();
    return Page.of(items, total, page);
  }
}
