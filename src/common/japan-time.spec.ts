import { formatJapanTime, formatSession, japanDate } from './japan-time.js';

describe('Times as people in Japan read them', () => {
  // 2026-04-01 09:30 UTC is 18:30 in Japan, a Wednesday.
  const evening = new Date('2026-04-01T09:30:00Z');
  const end = new Date('2026-04-01T11:00:00Z');

  it('writes a session the Japanese way, with the weekday in brackets', () => {
    expect(formatSession('ja', evening, end)).toBe('2026年4月1日(水) 18:30〜20:00');
  });

  it('writes the same session in English, still in Japan time', () => {
    expect(formatSession('en', evening, end)).toBe('Wednesday, 1 April 2026 at 18:30–20:00');
  });

  it('gives the date in Japan, which is already the next day after 15:00 UTC', () => {
    expect(japanDate(new Date('2026-03-31T15:30:00Z'))).toBe('2026-04-01');
    expect(formatJapanTime('ja', new Date('2026-03-31T15:30:00Z'))).toBe('2026年4月1日 0:30');
  });
});
