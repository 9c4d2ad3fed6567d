import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, type RequestWithActor } from '../common/actor/actor.js';
import { AppConfig } from '../config/app-config.js';
import { API_PREFIX } from '../app.setup.js';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_ROUTE } from './admins-only.js';

@ApiTags('operations')
@Controller('queue-board')
export class QueueBoardController {
  constructor(private readonly config: AppConfig) {}

  /**
   * Lets this admin's browser open the queue board (`/api/v1/queues`) for the rest of their session: an
   * HttpOnly, same-site cookie sent to that path only.
   */
  @Post('session')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  openBoard(@Req() request: RequestWithActor, @Res({ passthrough: true }) response: Response): void {
    response.cookie(QUEUE_BOARD_COOKIE, request.sessionToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.PUBLIC_URL.startsWith('https://'),
      path: `/${API_PREFIX}${QUEUE_BOARD_ROUTE}`,
      maxAge: this.config.SESSION_TTL_HOURS * 3_600_000,
    });
  }
}
