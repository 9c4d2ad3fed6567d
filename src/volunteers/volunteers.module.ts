import { PrivacyNoticeController } from './privacy-notice.controller.js';
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { DistrictsModule } from '../districts/districts.module.js';
import { MatchingTriggerModule } from '../matching/matching-trigger.module.js';
import { NoticesModule } from '../notifications/notices.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { VolunteersController } from './volunteers.controller.js';
import { ResidentErasure } from './resident-erasure.js';
import { VolunteersService } from './volunteers.service.js';

@Module({
  imports: [
    AccountsModule,
    AuditModule,
    DistrictsModule,
    MatchingTriggerModule,
    NoticesModule,
    ProposalsModule,
    TaxonomyModule,
  ],
  controllers: [VolunteersController, PrivacyNoticeController],
  providers: [VolunteersService, ResidentErasure],
  exports: [VolunteersService],
})
export class VolunteersModule {}
