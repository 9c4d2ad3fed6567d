import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { MatchingTriggerModule } from './matching-trigger.module.js';
import { MatchingProcessor } from './matching.processor.js';
import { MatchingService } from './matching.service.js';
import { PlanningModule } from './planning.module.js';

/** The matching worker: the queue's processor and what it runs. */
@Module({
  imports: [MatchingTriggerModule, ProposalsModule, RequestsModule, AuditModule, PlanningModule],
  providers: [MatchingProcessor, MatchingService],
  exports: [MatchingService],
})
export class MatchingModule {}
