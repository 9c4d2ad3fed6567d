/** Japan keeps one offset all year (no daylight saving), so local dates are plain arithmetic. */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The date in Japan of an instant, `YYYY-MM-DD`. */
export function japanDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}
