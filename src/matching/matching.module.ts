import { fileURLToPath } from 'node:url';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AppConfig } from '../config/app-config.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { CityPlanFlow } from './city-plan.flow.js';
import { MatchingTriggerModule } from './matching-trigger.module.js';
import { PLANNING_QUEUE } from './matching.jobs.js';
import { MatchingProcessor } from './matching.processor.js';
import { MatchingService } from './matching.service.js';
import { PlanningModule } from './planning.module.js';

/**
 * Worker threads load the part planner as JavaScript: the compiled file beside this one, or, when Jest
 * runs the TypeScript sources, its copy in dist/ (`npm test` builds first).
 */
function planPartProcessorFile(): string {
  const file = fileURLToPath(new URL('./plan-part.processor.js', import.meta.url));
  return import.meta.url.endsWith('.ts')
    ? file.replace(/\/src\/matching\/plan-part\.processor\.js$/, '/dist/src/matching/plan-part.processor.js')
    : file;
}

/** The matching worker: the queue's processor and what it runs, and the planner's worker threads. */
@Module({
  imports: [
    MatchingTriggerModule,
    ProposalsModule,
    RequestsModule,
    AuditModule,
    PlanningModule,
    BullModule.registerQueueAsync({
      name: PLANNING_QUEUE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        processors:
          config.PLANNER_THREADS === 0
            ? []
            : [
                {
                  path: planPartProcessorFile(),
                  useWorkerThreads: true,
                  concurrency: config.PLANNER_THREADS,
                },
              ],
      }),
    }),
  ],
  providers: [MatchingProcessor, MatchingService, CityPlanFlow],
  exports: [MatchingService],
})
export class MatchingModule {}
