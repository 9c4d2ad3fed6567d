/** Times are shown as in Japan, whatever the reader's own clock says. */
const TIME_ZONE = 'Asia/Tokyo';

const LOCALES = { ja: 'ja-JP', en: 'en-GB' } as const;

function locale(language: string) {
  return language === 'en' ? LOCALES.en : LOCALES.ja;
}

function timeOfDay(instant: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** 2026年4月1日(水) 18:30, or Wed, 1 April 2026, 18:30. */
export function formatDateTime(instant: string, language: string): string {
  return `${formatDay(instant, language)}${language === 'en' ? ', ' : ' '}${timeOfDay(instant, language)}`;
}

/** 2026年4月1日(水) 18:30–19:30, or Wed, 1 April 2026, 18:30–19:30 (the end's date when it differs). */
export function formatSlot(startsAt: string, endsAt: string, language: string): string {
  const startText = formatDateTime(startsAt, language);
  return formatDay(startsAt, language) === formatDay(endsAt, language)
    ? `${startText}–${timeOfDay(endsAt, language)}`
    : `${startText} – ${formatDateTime(endsAt, language)}`;
}

/** 2026年4月1日(水), or Wed, 1 April 2026: the day of an instant, in Japan. */
export function formatDay(instant: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(instant));
}

/** A calendar month as the API names it (`2026-04`): 2026年4月, or April 2026. */
export function formatMonth(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
  }).format(new Date(Date.UTC(year, number - 1, 1)));
}

/** The Japanese fiscal year (April to March) a moment falls in: 2026-03-31 is in 2025, 2026-04-01 in 2026. */
export function fiscalYearOf(moment: string | Date): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric' })
    .formatToParts(new Date(moment))
    .reduce<Record<string, number>>((all, part) => ({ ...all, [part.type]: Number(part.value) }), {});
  return parts.month >= 4 ? parts.year : parts.year - 1;
}
