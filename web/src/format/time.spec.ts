import { fiscalYearOf, formatMonth, formatSlot } from './time';

describe('Times as people in Japan read them', () => {
  it('writes a session in Japanese date style, in Japan time whatever the reader’s clock', () => {
    expect(formatSlot('2026-04-01T09:30:00Z', '2026-04-01T10:30:00Z', 'ja')).toBe(
      '2026年4月1日(水) 18:30–19:30',
    );
  });

  it('writes the English equivalent', () => {
    expect(formatSlot('2026-04-01T09:30:00Z', '2026-04-01T10:30:00Z', 'en')).toBe(
      'Wed, 1 April 2026, 18:30–19:30',
    );
  });

  it('names a month of the year’s figures in either language', () => {
    expect(formatMonth('2026-04', 'ja')).toBe('2026年4月');
    expect(formatMonth('2027-03', 'en')).toBe('March 2027');
  });

  it('counts fiscal years from April: 31 March is still the year before', () => {
    expect(fiscalYearOf('2026-03-31T14:59:00Z')).toBe(2025); // 23:59 on 31 March in Japan
    expect(fiscalYearOf('2026-03-31T15:00:00Z')).toBe(2026); // midnight on 1 April in Japan
  });
});
