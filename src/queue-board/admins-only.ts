import { parse } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import type { SessionsService } from '../accounts/sessions.service.js';

export const QUEUE_BOARD_ROUTE = '/queues';
/** The cookie a browser shows the board; it holds the admin's own session token. */
export const QUEUE_BOARD_COOKIE = 'queue_board';

/**
 * A browser opening the board cannot send the bearer token the web app uses, so an admin's page first
 * asks for a cookie (see QueueBoardController) that only this path receives; anyone else is refused.
 */
export function adminsOnly(sessions: SessionsService) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const token = parse(request.headers.cookie ?? '')[QUEUE_BOARD_COOKIE];
    void (token ? sessions.authenticate(token) : Promise.resolve(null)).then(
      (actor) => {
        if (actor?.role === 'admin') return next();
        response
          .status(actor ? 403 : 401)
          .type('text/plain')
          .send(actor ? 'Admins only' : 'Sign in as an admin');
      },
      (error: unknown) => next(error),
    );
  };
}
