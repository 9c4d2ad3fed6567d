import { buildMessage, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/** Kana with the long-vowel mark, middle dot and spaces, and at least one kana letter. */
/** `YYYY-MM-DD` names a day that exists (no 2月30日). */
function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

const KANA =
  /^(?=.*[\p{Script=Hiragana}\p{Script=Katakana}])[\p{Script=Hiragana}\p{Script=Katakana}ー・\s\u3000]+$/u;

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
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value),
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
          if (typeof value !== 'string' || typeof start !== 'string') return true; // other rules report the format
          if (/^\d{2}:\d{2}$/.test(value)) return value > start;
          const [end, begin] = [Date.parse(value), Date.parse(start)];
          return Number.isNaN(end) || Number.isNaN(begin) || end > begin;
        },
        defaultMessage: buildMessage((each) => `${each}$property must be after $constraint1`, options),
      },
    },
    options,
  );
}

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/**
 * An instant as ISO 8601 with its UTC offset (`2027-05-10T09:00:00+09:00`). Without the offset the same
 * text means a different moment on a server in another zone, so it is refused rather than guessed.
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ISO 8601 date-time with offset`,
          options,
        ),
      },
    },
    options,
  );
}

/**
 * The field may be left out, but not sent as null: unlike `@IsOptional()`, which lets null through to a
 * column that cannot hold it.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
