import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MatchingTriggerModule } from '../matching/matching-trigger.module.js';
import { NoticesModule } from '../notifications/notices.module.js';
import { ProposalsController } from './proposals.controller.js';
import { ProposalsService } from './proposals.service.js';
import { ResidentSearchService } from './resident-search.service.js';

@Module({
  imports: [AuditModule, MatchingTriggerModule, NoticesModule],
  controllers: [ProposalsController],
  providers: [ProposalsService, ResidentSearchService],
  exports: [ProposalsService],
})
export class ProposalsModule {}
