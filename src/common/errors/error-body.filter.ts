import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { translate, translateHttpStatus, type Locale } from '../i18n/i18n.js';
import { localeOf } from '../i18n/request-locale.js';
import { DomainError } from './domain-error.js';

/** The one error body every endpoint returns. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; code: string; message: string }[];
}

/** Maps every error to {@link ErrorBody}, in the caller's language (Japanese unless they prefer English). */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorBodyFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const locale = localeOf(request);
    const body = this.toBody(exception, locale);
    if (body.statusCode >= 500) this.logger.error(exception);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, locale: Locale): ErrorBody {
    if (exception instanceof DomainError) {
      const body: ErrorBody = {
        statusCode: exception.status,
        error: exception.name,
        message: translate(locale, exception.code, exception.params),
      };
      if (exception.fields.length > 0) {
        body.details = exception.fields.map((problem) => ({
          field: problem.field,
          code: problem.code,
          message: translate(locale, problem.code, problem.params),
        }));
      }
      return body;
    }
    if (exception instanceof HttpException) {
      // Nest's own errors: unknown route (404), malformed JSON (400), body too large (413).
      const status = exception.getStatus();
      return {
        statusCode: status,
        error: exception.name,
        message: translateHttpStatus(locale, status, exception.message),
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'InternalServerError',
      message: translate(locale, 'errors.unexpected'),
    };
  }
}
