import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Router } from 'express';
import { AccountsModule } from '../accounts/accounts.module.js';
import { SessionsService } from '../accounts/sessions.service.js';
import { API_PREFIX } from '../app.setup.js';
import { MATCHING_QUEUE, PLANNING_QUEUE } from '../matching/matching.jobs.js';
import { NOTIFICATIONS_QUEUE } from '../notifications/notifications.jobs.js';
import { REGISTERS_QUEUE } from '../registers/registers.jobs.js';
import { adminsOnly, QUEUE_BOARD_ROUTE } from './admins-only.js';
import { QueueBoardController } from './queue-board.controller.js';

/**
 * The queues as the city office's admins see them (bull-board): jobs waiting, running, delayed and
 * failed, with their errors, and retrying a failed one. At `/api/v1/queues`, for admins only. Mounted
 * with bull-board's Express adapter directly: its NestJS module is CommonJS, which cannot load NestJS 12.
 */
@Module({
  imports: [
    AccountsModule,
    BullModule.registerQueue(
      { name: MATCHING_QUEUE },
      { name: PLANNING_QUEUE },
      { name: NOTIFICATIONS_QUEUE },
      { name: REGISTERS_QUEUE },
    ),
  ],
  controllers: [QueueBoardController],
})
export class QueueBoardModule implements NestModule {
  private readonly queues: Queue[];

  constructor(
    private readonly sessions: SessionsService,
    @InjectQueue(MATCHING_QUEUE) matching: Queue,
    @InjectQueue(PLANNING_QUEUE) planning: Queue,
    @InjectQueue(NOTIFICATIONS_QUEUE) notifications: Queue,
    @InjectQueue(REGISTERS_QUEUE) registers: Queue,
  ) {
    this.queues = [matching, planning, notifications, registers];
  }

  configure(consumer: MiddlewareConsumer): void {
    const board = new ExpressAdapter();
    board.setBasePath(`/${API_PREFIX}${QUEUE_BOARD_ROUTE}`);
    createBullBoard({
      queues: this.queues.map((queue) => new BullMQAdapter(queue)),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: '人材バンク' } },
    });
    consumer
      .apply(adminsOnly(this.sessions), board.getRouter() as Router)
      .forRoutes(QUEUE_BOARD_ROUTE, `${QUEUE_BOARD_ROUTE}/{*path}`);
  }
}
