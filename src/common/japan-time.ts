import type { Locale } from './i18n/i18n.js';

/** Japan keeps one offset all year (no daylight saving), so local dates are plain arithmetic. */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The date in Japan of an instant, `YYYY-MM-DD`. */
export function japanDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

const DATE_TIME: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', {
    timeZone: JAPAN_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: JAPAN_TIME_ZONE,
    dateStyle: 'full',
    timeStyle: 'short',
  }),
};
const TIME = new Intl.DateTimeFormat('ja-JP', { timeZone: JAPAN_TIME_ZONE, timeStyle: 'short' });
const WEEKDAY_JA = new Intl.DateTimeFormat('ja-JP', { timeZone: JAPAN_TIME_ZONE, weekday: 'short' });

/** A session as people in Japan write it: 2026年4月1日(水) 18:30〜20:00, or Wednesday 1 April 2026 at 18:30–20:00. */
export function formatSession(locale: Locale, startsAt: Date, endsAt: Date): string {
  const end = TIME.format(endsAt);
  if (locale === 'en') return `${DATE_TIME.en.format(startsAt)}–${end}`;
  const [date, time] = DATE_TIME.ja.format(startsAt).split(' ');
  return `${date}(${WEEKDAY_JA.format(startsAt)}) ${time}〜${end}`;
}

/** An instant as a date and time in Japan, in the reader's language. */
export function formatJapanTime(locale: Locale, instant: Date): string {
  return DATE_TIME[locale].format(instant);
}
