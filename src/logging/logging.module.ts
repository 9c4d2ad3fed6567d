import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { destination, type DestinationStream, type LoggerOptions } from 'pino';
import { AppConfig } from '../config/app-config.js';
import { REDACTED, redact } from './redaction.js';

/** Where log lines go: standard output, one JSON object per line. Tests swap in a stream of their own. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/**
 * The path without its query (a search such as `?q=鈴木` is personal data) and without the secrets some
 * links carry in their path (an answer or unsubscribe link: 43 characters of base64url, see
 * src/accounts/secret-token.ts).
 */
const pathOf = (url = '') => url.split('?')[0].replace(/(?<=\/)[\w-]{43}(?=\/|\.|$)/g, REDACTED);

/** A caller's (a proxy's) `X-Request-Id` if it looks like one, else a new one; echoed in the answer. */
function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured JSON logs (pino) for the API and the worker, every line passed through {@link redact}; one
 * line per HTTP request with method, path, status and time, never headers or bodies.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      providers: [{ provide: LOG_DESTINATION, useFactory: () => destination(1) }],
      inject: [AppConfig, LOG_DESTINATION],
      useFactory: (config: AppConfig, stream: DestinationStream) => {
        const options: LoggerOptions = {
          level: config.LOG_LEVEL,
          hooks: {
            logMethod(args, log) {
              log.apply(this, args.map((arg) => redact(arg)) as Parameters<typeof log>);
            },
          },
        };
        return {
          pinoHttp: [
            {
              ...options,
              genReqId: requestIdOf,
              serializers: {
                req: (req: IncomingMessage & { id?: unknown }) => ({
                  id: req.id,
                  method: req.method,
                  path: pathOf(req.url),
                }),
                res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
              },
              customLogLevel: (_req, res, error) =>
                error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            },
            stream,
          ],
        };
      },
    }),
  ],
})
export class LoggingModule {}
