import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Locale } from './i18n.js';

/** The language the caller reads: from `Accept-Language`, Japanese unless they prefer English. */
export function localeOf(request: Request): Locale {
  return (request.acceptsLanguages('ja', 'en') || 'ja') as Locale;
}

export const RequestLocale = createParamDecorator((_data: unknown, context: ExecutionContext): Locale =>
  localeOf(context.switchToHttp().getRequest<Request>()),
);
