import { Module } from '@nestjs/common';
import { CORE_MODULES } from './app.module.js';
import { MatchingModule } from './matching/matching.module.js';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module.js';
import { RegistersWorkerModule } from './registers/registers-worker.module.js';

/** The worker process: queues and their processors (matching, mail, imports), no HTTP. */
@Module({ imports: [...CORE_MODULES, MatchingModule, NotificationsWorkerModule, RegistersWorkerModule] })
export class WorkerModule {}
