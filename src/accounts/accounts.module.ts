import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AuthController } from './auth.controller.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [AuditModule],
  controllers: [AuthController, AccountsController],
  providers: [AccountsService, SessionsService],
  exports: [AccountsService, SessionsService],
})
export class AccountsModule {}
