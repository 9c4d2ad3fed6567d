import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { Letters } from './letters.js';
import { NoticesModule } from './notices.module.js';
import { NotificationRounds } from './notification-rounds.service.js';
import { NotificationSender } from './notification-sender.service.js';
import { NotificationsProcessor } from './notifications.processor.js';

/** The mail worker: sends what is owed, sweeps, and writes the coordinators' morning digest. */
@Module({
  imports: [NoticesModule, MailModule],
  providers: [NotificationsProcessor, NotificationSender, NotificationRounds, Letters],
})
export class NotificationsWorkerModule {}
