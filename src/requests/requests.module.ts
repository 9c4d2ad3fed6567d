import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { DistrictsModule } from '../districts/districts.module.js';
import { MatchingTriggerModule } from '../matching/matching-trigger.module.js';
import { NoticesModule } from '../notifications/notices.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { RequestsController } from './requests.controller.js';
import { RequestsService } from './requests.service.js';
import { SessionMoves } from './session-moves.service.js';

@Module({
  imports: [
    AuditModule,
    DistrictsModule,
    MatchingTriggerModule,
    NoticesModule,
    ProposalsModule,
    TaxonomyModule,
  ],
  controllers: [RequestsController],
  providers: [RequestsService, SessionMoves],
  exports: [RequestsService],
})
export class RequestsModule {}
