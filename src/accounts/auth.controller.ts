import { Body, Controller, Get, HttpCode, Ip, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, SignedIn, type Actor, type RequestWithActor } from '../common/actor/actor.js';
import { AccountsService } from './accounts.service.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import type { Locale } from '../common/i18n/i18n.js';
import {
  AccountView,
  ChangePasswordDto,
  LoginDto,
  RequestPasswordResetDto,
  ResetPasswordDto,
  SessionView,
} from './dto/auth.dto.js';
import { PasswordResetService } from './password-reset.service.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly passwordReset: PasswordResetService,
  ) {}

  /** Sign in with email and password; returns the bearer token for the `Authorization` header. */
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() address: string): Promise<SessionView> {
    return this.accounts.login(dto.email, dto.password, address);
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiBearerAuth()
  async logout(@Req() request: RequestWithActor): Promise<void> {
    if (request.sessionToken) await this.sessions.revoke(request.sessionToken);
  }

  @Get('me')
  @SignedIn()
  @ApiBearerAuth()
  me(@CurrentActor() actor: Actor): Promise<AccountView> {
    return this.accounts.me(actor);
  }

  /** Change the password: every session ends, and a new token is returned for this one. */
  @Put('password')
  @SignedIn()
  @ApiBearerAuth()
  changePassword(@Body() dto: ChangePasswordDto, @CurrentActor() actor: Actor): Promise<SessionView> {
    return this.accounts.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  /**
   * Forgotten password: mails a one-time link, valid for an hour, when the address is registered. The
   * answer is the same whether it is or not.
   */
  @Public()
  @Post('password-reset')
  @HttpCode(202)
  async requestPasswordReset(
    @Body() dto: RequestPasswordResetDto,
    @Ip() address: string,
    @RequestLocale() locale: Locale,
  ): Promise<void> {
    await this.passwordReset.requestLink(dto.email, address, locale);
  }

  /** Sets a new password with the token from the mailed link; every earlier session ends. */
  @Public()
  @Post('password-reset/confirm')
  @HttpCode(200)
  resetPassword(@Body() dto: ResetPasswordDto): Promise<SessionView> {
    return this.passwordReset.resetPassword(dto.token, dto.newPassword);
  }
}
