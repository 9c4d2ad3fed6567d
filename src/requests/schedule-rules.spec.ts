import { scheduleProblems, type Schedule } from './schedule-rules.js';

const NOW = new Date('2027-05-01T12:00:00+09:00');

/** A session between two instants written with their offset, e.g. `2027-05-10T09:00:00+09:00`. */
const session = (startsAt: string, endsAt: string) => ({
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
});

/** One morning session well in the future, with a deadline a week before it. */
const schedule = (overrides: Partial<Schedule> = {}): Schedule => ({
  slots: [session('2027-05-10T10:00:00+09:00', '2027-05-10T12:00:00+09:00')],
  deadline: new Date('2027-05-03T17:00:00+09:00'),
  ...overrides,
});

describe('scheduleProblems', () => {
  it('accepts a valid multi-session course', () => {
    const course = schedule({
      slots: [
        session('2027-05-10T10:00:00+09:00', '2027-05-10T12:00:00+09:00'),
        session('2027-05-17T10:00:00+09:00', '2027-05-17T12:00:00+09:00'),
        session('2027-05-24T19:00:00+09:00', '2027-05-24T21:00:00+09:00'),
      ],
      deadline: new Date('2027-05-07T17:00:00+09:00'),
    });
    expect(scheduleProblems(course, NOW)).toEqual([]);
  });

  it('reports a session that starts in the past on its startsAt', () => {
    const past = schedule({
      slots: [session('2027-04-28T10:00:00+09:00', '2027-04-28T12:00:00+09:00')],
      deadline: new Date('2027-04-20T17:00:00+09:00'),
    });
    expect(scheduleProblems(past, NOW)).toEqual([
      { field: 'slots[0].startsAt', code: 'validation.inFuture' },
    ]);
  });

  it('reports a session that starts at this very moment', () => {
    const startingNow = schedule({
      slots: [session('2027-05-01T12:00:00+09:00', '2027-05-01T13:00:00+09:00')],
      deadline: new Date('2027-04-30T17:00:00+09:00'),
    });
    expect(scheduleProblems(startingNow, NOW)).toEqual([
      { field: 'slots[0].startsAt', code: 'validation.inFuture' },
    ]);
  });

  it('reports a session crossing midnight in Japan time on its endsAt', () => {
    const lateNight = schedule({
      slots: [session('2027-05-10T23:00:00+09:00', '2027-05-11T01:00:00+09:00')],
    });
    expect(scheduleProblems(lateNight, NOW)).toEqual([
      { field: 'slots[0].endsAt', code: 'validation.sameDay' },
    ]);
  });

  it('reports a session ending at 24:00 Japan time, which no weekly availability (up to 23:59) can hold', () => {
    const untilMidnight = schedule({
      slots: [session('2027-05-10T22:00:00+09:00', '2027-05-11T00:00:00+09:00')],
    });
    expect(scheduleProblems(untilMidnight, NOW)).toEqual([
      { field: 'slots[0].endsAt', code: 'validation.sameDay' },
    ]);
  });

  it('judges the day in Japan time, not UTC (08:00–10:00 JST crosses midnight UTC)', () => {
    const morning = schedule({
      slots: [session('2027-05-10T08:00:00+09:00', '2027-05-10T10:00:00+09:00')],
    });
    expect(scheduleProblems(morning, NOW)).toEqual([]);
  });

  it('reports the later of two overlapping sessions of one request', () => {
    const overlapping = schedule({
      slots: [
        session('2027-05-10T10:00:00+09:00', '2027-05-10T12:00:00+09:00'),
        session('2027-05-10T11:00:00+09:00', '2027-05-10T13:00:00+09:00'),
      ],
    });
    expect(scheduleProblems(overlapping, NOW)).toEqual([
      { field: 'slots[1]', code: 'validation.slotsOverlap' },
    ]);
  });

  it('reports a session that lies entirely inside an earlier one', () => {
    const nested = schedule({
      slots: [
        session('2027-05-10T09:00:00+09:00', '2027-05-10T15:00:00+09:00'),
        session('2027-05-10T10:00:00+09:00', '2027-05-10T11:00:00+09:00'),
      ],
    });
    expect(scheduleProblems(nested, NOW)).toEqual([{ field: 'slots[1]', code: 'validation.slotsOverlap' }]);
  });

  it('reports a session once even when it overlaps several earlier ones', () => {
    const spanning = schedule({
      slots: [
        session('2027-05-10T10:00:00+09:00', '2027-05-10T12:00:00+09:00'),
        session('2027-05-10T13:00:00+09:00', '2027-05-10T15:00:00+09:00'),
        session('2027-05-10T11:00:00+09:00', '2027-05-10T14:00:00+09:00'),
      ],
    });
    expect(scheduleProblems(spanning, NOW)).toEqual([{ field: 'slots[2]', code: 'validation.slotsOverlap' }]);
  });

  it('accepts back-to-back sessions where one ends as the next starts', () => {
    const backToBack = schedule({
      slots: [
        session('2027-05-10T10:00:00+09:00', '2027-05-10T12:00:00+09:00'),
        session('2027-05-10T12:00:00+09:00', '2027-05-10T14:00:00+09:00'),
      ],
    });
    expect(scheduleProblems(backToBack, NOW)).toEqual([]);
  });

  it('accepts sessions at the same time of day on different days', () => {
    const weekly = schedule({
      slots: [
        session('2027-05-10T10:00:00+09:00', '2027-05-10T12:00:00+09:00'),
        session('2027-05-11T10:00:00+09:00', '2027-05-11T12:00:00+09:00'),
      ],
    });
    expect(scheduleProblems(weekly, NOW)).toEqual([]);
  });

  it('reports a deadline after the first session on deadline', () => {
    const lateDeadline = schedule({ deadline: new Date('2027-05-12T17:00:00+09:00') });
    expect(scheduleProblems(lateDeadline, NOW)).toEqual([
      { field: 'deadline', code: 'validation.deadlineBeforeFirstSlot' },
    ]);
  });

  it('reports a deadline at the very moment the first session starts', () => {
    const atStart = schedule({ deadline: new Date('2027-05-10T10:00:00+09:00') });
    expect(scheduleProblems(atStart, NOW)).toEqual([
      { field: 'deadline', code: 'validation.deadlineBeforeFirstSlot' },
    ]);
  });

  it('reports a deadline that falls during the first session', () => {
    const duringFirst = schedule({ deadline: new Date('2027-05-10T11:00:00+09:00') });
    expect(scheduleProblems(duringFirst, NOW)).toEqual([
      { field: 'deadline', code: 'validation.deadlineBeforeFirstSlot' },
    ]);
  });

  it('measures the deadline against the earliest session even when sessions are listed out of order', () => {
    const unordered = schedule({
      slots: [
        session('2027-05-24T10:00:00+09:00', '2027-05-24T12:00:00+09:00'),
        session('2027-05-10T10:00:00+09:00', '2027-05-10T12:00:00+09:00'),
      ],
      deadline: new Date('2027-05-17T17:00:00+09:00'),
    });
    expect(scheduleProblems(unordered, NOW)).toEqual([
      { field: 'deadline', code: 'validation.deadlineBeforeFirstSlot' },
    ]);
  });

  it('reports every problem of a schedule, each on its own field', () => {
    const broken = schedule({
      slots: [
        session('2027-04-30T10:00:00+09:00', '2027-04-30T12:00:00+09:00'),
        session('2027-05-10T23:00:00+09:00', '2027-05-11T01:00:00+09:00'),
        session('2027-05-10T23:30:00+09:00', '2027-05-11T00:30:00+09:00'),
      ],
      deadline: new Date('2027-05-05T17:00:00+09:00'),
    });
    expect(scheduleProblems(broken, NOW)).toEqual([
      { field: 'slots[0].startsAt', code: 'validation.inFuture' },
      { field: 'slots[1].endsAt', code: 'validation.sameDay' },
      { field: 'slots[2].endsAt', code: 'validation.sameDay' },
      { field: 'slots[2]', code: 'validation.slotsOverlap' },
      { field: 'deadline', code: 'validation.deadlineBeforeFirstSlot' },
    ]);
  });
});
