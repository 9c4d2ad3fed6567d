/*
 * How the cells of a city office's spreadsheet are read. Full-width digits, letters and spaces are folded
 * (NFKC) in codes, numbers, addresses and kana; names and free text keep their characters, because NFKC
 * would turn a person's 﨑 or 髙 into another character.
 */

/** Full-width → half-width letters, digits and spaces, half-width kana → full-width; trimmed. */
export function folded(cell: string): string {
  return cell.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** A name or a title as written, with ideographic spaces made plain and runs of spaces made one. */
export function tidied(cell: string): string {
  return cell.replace(/[\s\u3000]+/g, ' ').trim();
}

const DASHES = /[‐‑‒–—―−ー－ｰ]/g;

/**
 * A Japanese phone number written the usual ways (`０２４６（２２）１１１１`, `0246-22-1111`,
 * `090 1234 5678`) as digits and hyphens, the form the rest of the service uses.
 */
export function phoneNumber(cell: string): string {
  return folded(cell)
    .replace(DASHES, '-')
    .replace(/^\+81[-\s]?/, '0')
    .replace(/\((\d+)\)/g, '-$1-')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Digits only: two ways of writing one number compare equal. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** A kana reading: half-width katakana become full-width (NFKC); the script is kept as written. */
export function kanaReading(cell: string): string {
  return folded(cell);
}

/** Katakana as hiragana, so ヤマダ and やまだ are one reading when rows are compared. */
export function hiraganaOf(kana: string): string {
  return kana.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

export function emailAddress(cell: string): string {
  return folded(cell).replace(/\s/g, '').toLowerCase();
}

const TRUE_WORDS = new Set(['可', '○', '〇', '◯', 'はい', 'あり', '有', 'yes', 'y', 'true', '1', '✓', 'レ']);
const FALSE_WORDS = new Set(['不可', '×', 'x', '-', 'いいえ', 'なし', '無', 'no', 'n', 'false', '0', '']);

/** A yes/no cell; `undefined` when it is neither. */
export function yesNo(cell: string): boolean | undefined {
  const value = folded(cell).toLowerCase();
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return undefined;
}

/** A whole number written with full-width digits, thousands separators or a unit (`３０人`, `1,000円`). */
export function wholeNumber(cell: string): number | undefined {
  const value = folded(cell)
    .replace(/[,，]/g, '')
    .replace(/(人|名|円|歳|年生?)$/, '');
  return /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/** A list in one cell: `書道、茶道` or `ja, en` (not split at ・, which names like リサイクル・ごみ減量 hold). */
export function listOf(cell: string): string[] {
  return folded(cell)
    .split(/[、,;/\n]|\s{2,}/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `書道(4)` or `書道:4`: a name and a level 1–5 given with it. */
export function withLevel(item: string): { name: string; level?: number } {
  const match = /^(.*?)\s*(?:\((\d)\)|:(\d))$/.exec(item);
  if (!match) return { name: item };
  return { name: match[1].trim(), level: Number(match[2] ?? match[3]) };
}

/**
 * A date and time in Japan as people type it in Excel: `2027/5/10 10:00`, `2027-05-10 10:00`,
 * `2027年5月10日 10時00分`; with `defaultTime` when only the date is given. ISO 8601 with +09:00.
 */
export function japanDateTime(cell: string, defaultTime?: string): string | undefined {
  const value = folded(cell)
    .replace(/年|月/g, '/')
    .replace(/日/g, ' ')
    .replace(/時/g, ':')
    .replace(/分/g, '')
    .replace(/\(.\)/g, ' ')
    .trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return Number.isNaN(Date.parse(value)) ? undefined : value;
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{1,2})?(?::\d{2})?)?$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match;
  const time =
    hour !== undefined ? `${hour.padStart(2, '0')}:${(minute ?? '00').padStart(2, '0')}` : defaultTime;
  if (!time) return undefined;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}T${time}:00+09:00`;
  const parsed = new Date(iso);
  // 2月30日 would roll over into March: refuse a day that does not exist.
  const roundTrip = new Date(parsed.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  return roundTrip === iso.slice(0, 10) ? iso : undefined;
}

/** `10:00-12:00` after a date: the end time of a session written in one cell. */
export function timeRange(cell: string): { date: string; start: string; end: string } | undefined {
  const match = /^(.*?)\s*(\d{1,2}:\d{2})\s*[-~〜～]\s*(\d{1,2}:\d{2})$/.exec(
    folded(cell).replace(DASHES, '-'),
  );
  if (!match) return undefined;
  return { date: match[1], start: match[2], end: match[3] };
}
