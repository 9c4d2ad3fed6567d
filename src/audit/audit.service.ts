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

  async list(subject: Partial<AuditSubject>, page: PageQueryDto): Promise<Page<AuditEntry>> {
    const [items, total] = await this.entries.findAndCount({
      where: {
        ...(subject.type ? { subjectType: subject.type } : {}),
        ...(subject.id ? { subjectId: subject.id } : {}),
      },
      order: { id: 'DESC' },
      skip: page.skip,
      take: page.perPage,
    });
    return Page.of(items, total, page);
  }
}
