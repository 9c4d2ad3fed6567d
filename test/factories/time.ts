import { japanDate } from '../../src/common/japan-time.js';

/**
 * The date in Japan of the `isoWeekday` (1 = Monday) that falls `weeksAhead` weeks from now, so tests
 * never depend on the day they run.
 */
export function upcoming(isoWeekday: number, weeksAhead = 2): string {
  const today = new Date(`${japanDate(new Date())}T00:00:00Z`);
  const todayIso = ((today.getUTCDay() + 6) % 7) + 1;
  const days = ((isoWeekday - todayIso + 7) % 7) + 7 * weeksAhead;
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** `date` plus `days`, for course series and unavailable days. */
export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A session on `date` from `start` to `end`, Japan time. */
export function slot(date: string, start: string, end: string) {
  return { startsAt: `${date}T${start}:00+09:00`, endsAt: `${date}T${end}:00+09:00` };
}
