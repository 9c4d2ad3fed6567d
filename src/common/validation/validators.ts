import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s\u3000]+$/u;

/** A name's reading in hiragana or katakana (ふりがな / フリガナ), as Japanese forms ask for it. */
export function IsKana(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKana',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && KANA.test(value),
        defaultMessage: buildMessage((each) => `${each}$property must be written in kana`, options),
      },
    },
    options,
  );
}

/** A calendar date `YYYY-MM-DD` that exists (no 2月30日). */
export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOnly',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
        },
        defaultMessage: buildMessage((each) => `${each}$property must be a date YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

/**
 * This property must come after `startProperty` of the same object: ISO date-times are compared as
 * instants, `HH:MM` times of day as text (which orders them correctly).
 */
export function IsAfter(startProperty: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'endAfterStart',
      constraints: [startProperty],
      validator: {
        validate: (value: unknown, args) => {
          const start = (args?.object as Record<string, unknown>)[startProperty];
          if (typeof value !== 'string' || typeof start !== 'string') return true; // other rules report the type
          if (/^\d{2}:\d{2}$/.test(value)) return value > start;
          return Date.parse(value) > Date.parse(start);
        },
        defaultMessage: buildMessage((each) => `${each}$property must be after $constraint1`, options),
      },
    },
    options,
  );
}
