import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Notices } from './notices.service.js';
import { NOTIFICATIONS_QUEUE } from './notifications.jobs.js';

/** What the domain modules need of notifications: recording who is owed what, in their transactions. */
@Module({
  imports: [BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE })],
  providers: [Notices],
  exports: [Notices, BullModule],
})
export class NoticesModule {}
