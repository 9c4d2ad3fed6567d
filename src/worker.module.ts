import { Module } from '@nestjs/common';
import { CORE_MODULES } from './app.module.js';
import { MatchingModule } from './matching/matching.module.js';

/** The worker process: queues and their processors, no HTTP. */
@Module({ imports: [...CORE_MODULES, MatchingModule] })
export class WorkerModule {}
