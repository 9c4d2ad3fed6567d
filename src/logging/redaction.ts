/**
 * Logs never carry residents' contact details, names or anyone's secrets (個人情報保護法, and the city's
 * own rule that logs are not personal data). Fields known to hold them are replaced whatever their
 * value; email addresses and Japanese phone numbers are masked wherever else they turn up, e.g. in an
 * error message; errors are reduced to their type, code and scrubbed message and stack, dropping what
 * drivers attach (a failed query's parameters, the row that broke a constraint).
 */

export const REDACTED = '[redacted]';

const SECRET_OR_PERSONAL_KEYS = new Set(
  [
    'password',
    'currentPassword',
    'newPassword',
    'passwordHash',
    'token',
    'authorization',
    'cookie',
    'email',
    'phone',
    'name',
    'nameKana',
    'comment',
    'reason',
    'parameters',
    'detail',
  ].map((key) => key.toLowerCase()),
);

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** 0246-22-1111, 090-1234-5678, 09012345678, +81 90 1234 5678; not digits inside ids or timestamps. */
const PHONE = /(?<![\w-])(?:\+81[-\s]?\d{1,4}|0\d{1,4})[-\s]?\d{1,4}[-\s]?\d{3,4}(?![\w-])/g;

export function scrubText(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

/** A copy of `value` safe to log. Objects that are not plain (a request, a response) are left to pino's serializers. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return redactError(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_OR_PERSONAL_KEYS.has(key.toLowerCase()) ? REDACTED : redact(item, depth + 1),
    ]),
  );
}

function redactError(error: Error): Record<string, unknown> {
  const { code, constraint, table, column } = error as Error & Record<string, unknown>;
  return {
    type: error.name,
    message: scrubText(error.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
    ...(typeof table === 'string' ? { table } : {}),
    ...(typeof column === 'string' ? { column } : {}),
    stack: scrubText(error.stack ?? ''),
  };
}
