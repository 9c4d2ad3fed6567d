import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { DistrictsModule } from '../districts/districts.module.js';
import { MailModule } from '../mail/mail.module.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AuthController } from './auth.controller.js';
import { PasswordResetService } from './password-reset.service.js';
import { SessionsService } from './sessions.service.js';
import { SignInLimiter } from './sign-in-limiter.js';

@Module({
  imports: [AuditModule, DistrictsModule, MailModule],
  controllers: [AuthController, AccountsController],
  providers: [AccountsService, SessionsService, SignInLimiter, PasswordResetService],
  exports: [AccountsService, SessionsService, SignInLimiter],
})
export class AccountsModule {}
