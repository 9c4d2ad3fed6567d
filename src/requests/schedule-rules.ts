import type { FieldProblem } from '../common/errors/domain-error.js';
import { japanDate } from '../common/japan-time.js';

export interface Schedule {
  slots: { startsAt: Date; endsAt: Date }[];
  deadline: Date;
}

/**
 * What is wrong with a request's sessions and deadline, field by field. (End after start is checked by
 * the DTO already.) Sessions must lie in the future, each within one day in Japan (availability is kept
 * per weekday, up to 23:59), must not overlap each other, and the deadline must come before the first of them.
 */
export function scheduleProblems(schedule: Schedule, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  schedule.slots.forEach((slot, i) => {
    if (slot.startsAt <= now) problems.push({ field: `slots[${i}].startsAt`, code: 'validation.inFuture' });
    // Weekly availability ends by 23:59, so a session must end on the day it starts (not at 24:00).
    if (japanDate(slot.startsAt) !== japanDate(slot.endsAt)) {
      problems.push({ field: `slots[${i}].endsAt`, code: 'validation.sameDay' });
    }
    const overlapsEarlier = schedule.slots
      .slice(0, i)
      .some((other) => other.startsAt < slot.endsAt && slot.startsAt < other.endsAt);
    if (overlapsEarlier) problems.push({ field: `slots[${i}]`, code: 'validation.slotsOverlap' });
  });
  const firstStart = Math.min(...schedule.slots.map((slot) => slot.startsAt.getTime()));
  if (schedule.deadline.getTime() >= firstStart) {
    problems.push({ field: 'deadline', code: 'validation.deadlineBeforeFirstSlot' });
  }
  return problems;
}
