import { SUPPORTED_LOCALES, translate } from './i18n.js';
import { en } from './messages.en.js';
import { ja } from './messages.ja.js';

/** Every message key of a catalogue as a dotted path (`validation.min`), with its text. */
function messages(catalogue: object, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [nested, text] of messages(value as object, path)) found.set(nested, text);
    } else {
      found.set(path, value);
    }
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();

const jaMessages = messages(ja);
const enMessages = messages(en);

describe('message catalogues', () => {
  it('finds messages to compare in the Japanese catalogue', () => {
    expect(jaMessages.size).toBeGreaterThan(20);
  });

  it('has every Japanese message key in the English catalogue', () => {
    expect([...jaMessages.keys()].filter((key) => !enMessages.has(key))).toEqual([]);
  });

  it('has every English message key in the Japanese catalogue', () => {
    expect([...enMessages.keys()].filter((key) => !jaMessages.has(key))).toEqual([]);
  });

  it('has only non-empty text as messages', () => {
    const blank = (catalogue: Map<string, unknown>) =>
      [...catalogue].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key);
    expect({ ja: blank(jaMessages), en: blank(enMessages) }).toEqual({ ja: [], en: [] });
  });

  it('uses the same placeholders for a message in both languages', () => {
    const mismatched = [...jaMessages].filter(([key, text]) => {
      const english = enMessages.get(key);
      if (typeof text !== 'string' || typeof english !== 'string') return false;
      return placeholders(text).join() !== placeholders(english).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  // The codes the schedule rules and the custom validators emit are not class-validator's own names.
  it.each(SUPPORTED_LOCALES)(
    'has a %s message for every code the schedule rules and custom validators emit',
    (locale) => {
      const codes = [
        'validation.inFuture',
        'validation.sameDay',
        'validation.slotsOverlap',
        'validation.deadlineBeforeFirstSlot',
        'validation.isKana',
        'validation.isDateOnly',
        'validation.endAfterStart',
      ];
      expect(codes.filter((code) => translate(locale, code) === code)).toEqual([]);
    },
  );
});

describe('translate', () => {
  it('interpolates a numbered constraint argument into the English message', () => {
    expect(translate('en', 'validation.min', { '0': 1 })).toBe('Must be at least 1.');
  });

  it('interpolates a numbered constraint argument into the Japanese message', () => {
    expect(translate('ja', 'validation.min', { '0': 1 })).toBe('1 以上にしてください。');
  });

  it('interpolates named params', () => {
    expect(translate('en', 'errors.notFound', { entity: 'Request', id: 'r-42' })).toBe(
      'Request r-42 was not found.',
    );
  });

  it('leaves user input as it is, without HTML escaping', () => {
    expect(translate('en', 'validation.unknownSkill', { id: '<b>&' })).toBe('No such skill: <b>&');
  });

  it('answers in the language asked for', () => {
    expect(translate('en', 'errors.invalidInput')).toBe(en.errors.invalidInput);
    expect(translate('ja', 'errors.invalidInput')).toBe(ja.errors.invalidInput);
  });
});
