import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { mayHandleRequest } from '../common/actor/access.js';
import { Clock } from '../common/clock.js';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  type FieldProblem,
} from '../common/errors/domain-error.js';
import { isExclusionViolation } from '../common/errors/postgres-errors.js';
import { inTransaction } from '../database/transaction.js';
import { MatchingTrigger } from '../matching/matching-trigger.service.js';
import { Notices } from '../notifications/notices.service.js';
import { ActivityRequest, type RequestStatus } from './activity-request.entity.js';
import type { SlotDto } from './dto/request.dto.js';
import { RequestSlot } from './request-slot.entity.js';
import { scheduleProblems } from './schedule-rules.js';

/** A request whose sessions can still move: not yet over, cancelled or expired without anyone. */
const MOVABLE: RequestStatus[] = ['draft', 'open', 'matched', 'expired'];
/** While a request is matched for, its deadline must still come before its first session. */
const DEADLINE_MATTERS: RequestStatus[] = ['draft', 'open'];

/** What a move changed, for whatever must follow it once it is committed. */
export interface SessionMoved {
  request: Pick<ActivityRequest, 'id' | 'status' | 'revision'>;
  slotId: string;
  from: { startsAt: Date; endsAt: Date };
  to: { startsAt: Date; endsAt: Date };
  sequence: number;
  /** The residents booked for the session, who now have it at the new time. */
  bookedVolunteerIds: string[];
}

/**
 * Moving one session (日程変更) of a request, also one residents are already committed to: the session
 * keeps its id, and the bookings of everyone booked for it move with it in the same transaction. The
 * bookings' exclusion constraint refuses the move if a booked resident has another activity at the new
 * time, and then nothing is written.
 */
@Injectable()
export class SessionMoves {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly matching: MatchingTrigger,
    private readonly clock: Clock,
    private readonly notices: Notices,
  ) {}

  async move(requestId: string, slotId: string, to: SlotDto, actor: Actor): Promise<SessionMoved> {
    const target = { startsAt: new Date(to.startsAt), endsAt: new Date(to.endsAt) };
    const moved = await withoutClash(() =>
      inTransaction(this.dataSource, async (manager) => {
        const request = await manager.findOne(ActivityRequest, {
          where: { id: requestId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!request || !mayHandleRequest(actor, request)) throw new NotFoundError('request', requestId);
        const slots = await manager.find(RequestSlot, { where: { requestId } });
        const slot = slots.find((candidate) => candidate.id === slotId);
        if (!slot) throw new NotFoundError('session', slotId);
        if (!MOVABLE.includes(request.status)) {
          throw new ConflictError('errors.invalidTransition', {
            entity: 'request',
            from: request.status,
            action: 'moveSession',
          });
        }
        const problems = this.problemsOfMove(request, slots, slot, target);
        if (problems.length > 0) throw new InvalidInputError(problems);
        return this.write(manager, request, slot, target, actor);
      }),
    );
    await this.afterMove(moved);
    return moved;
  }

  /**
   * The schedule rules for the moved session only: the others may lie in the past already (a course
   * half given) and were accepted as they are. Put last, the moved session is the one an overlap names.
   */
  private problemsOfMove(
    request: ActivityRequest,
    slots: RequestSlot[],
    slot: RequestSlot,
    target: { startsAt: Date; endsAt: Date },
  ): FieldProblem[] {
    const others = slots.filter((other) => other.id !== slot.id);
    const movedField = `slots[${others.length}]`;
    const fields: Record<string, string> = {
      [`${movedField}.startsAt`]: 'startsAt',
      [`${movedField}.endsAt`]: 'endsAt',
      [movedField]: 'startsAt',
      ...(DEADLINE_MATTERS.includes(request.status) ? { deadline: 'startsAt' } : {}),
    };
    return scheduleProblems({ slots: [...others, target], deadline: request.deadline }, this.clock.now())
      .filter((problem) => problem.field in fields)
      .map((problem) => ({ ...problem, field: fields[problem.field] }));
  }

  private async write(
    manager: EntityManager,
    request: ActivityRequest,
    slot: RequestSlot,
    target: { startsAt: Date; endsAt: Date },
    actor: Actor,
  ): Promise<SessionMoved> {
    const sequence = slot.sequence + 1;
    await manager.update(RequestSlot, slot.id, { ...target, sequence });
    const booked: { volunteer_id: string }[] = await manager.query(
      `UPDATE bookings SET during = tstzrange($2, $3, '[)') WHERE slot_id = $1 RETURNING volunteer_id`,
      [slot.id, target.startsAt, target.endsAt],
    );
    const revision = request.revision + 1;
    await manager.update(ActivityRequest, request.id, { revision });
    const from = { startsAt: slot.startsAt, endsAt: slot.endsAt };
    await this.audit.record(
      manager,
      actor,
      'request.sessionMoved',
      { type: 'request', id: request.id },
      {
        slot: slot.id,
        from: [from.startsAt.toISOString(), from.endsAt.toISOString()],
        to: [target.startsAt.toISOString(), target.endsAt.toISOString()],
        sequence,
      },
    );
    await this.notices.sessionMoved(manager, request.id, slot.id, actor.id);
    return {
      request: { id: request.id, status: request.status, revision },
      slotId: slot.id,
      from,
      to: target,
      sequence,
      bookedVolunteerIds: booked.map((row) => row.volunteer_id),
    };
  }

  /**
   * Runs once the move is committed, never inside the transaction. An open request is matched again
   * (the new time may suit other residents).
   */
  private async afterMove(moved: SessionMoved): Promise<void> {
    if (moved.request.status === 'open') await this.matching.requestChanged(moved.request);
  }
}

/** A booked resident who has another activity at the new time: the bookings' exclusion constraint says no. */
async function withoutClash<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isExclusionViolation(error, 'bookings_no_overlap'))
      throw new ConflictError('errors.sessionMoveClash');
    throw error;
  }
}
