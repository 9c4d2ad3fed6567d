import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { DistrictsModule } from '../districts/districts.module.js';
import { MailModule } from '../mail/mail.module.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { OrganisationsController } from './organisations.controller.js';
import { OrganisationsService } from './organisations.service.js';

@Module({
  imports: [AccountsModule, AuditModule, DistrictsModule, MailModule],
  controllers: [OrganisationsController, InvitationsController],
  providers: [OrganisationsService, InvitationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
