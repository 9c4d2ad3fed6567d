import createClient, { type Middleware } from 'openapi-fetch';
import i18n from '../i18n/i18n';
import type { paths } from './schema';

const SESSION_KEY = 'talent-bank.session';

export const sessionToken = {
  get: () => localStorage.getItem(SESSION_KEY),
  set: (token: string) => localStorage.setItem(SESSION_KEY, token),
  clear: () => localStorage.removeItem(SESSION_KEY),
};

/** A field the API found wrong, with its message already in the reader's language. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** What the API answered instead of success: its status, its message and the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** Messages by field, for a form to show next to each field. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.details.map((detail) => [detail.field, detail.message]));
  }
}

const identify: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language);
    const token = sessionToken.get();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

/** The typed API client, generated from the API's OpenAPI document (npm run openapi). */
export const api = createClient<paths>({ baseUrl: '' });
api.use(identify);

/** The data of an API call, or an ApiError carrying the API's own message and field problems. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, i18n.t('errors.network'));
  }
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as { message?: string; details?: FieldProblem[] };
  throw new ApiError(result.response.status, body.message ?? result.response.statusText, body.details);
}
