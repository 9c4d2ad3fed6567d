import { Body, Controller, Get, HttpCode, Ip, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, SignedIn, type Actor, type RequestWithActor } from '../common/actor/actor.js';
import { AccountsService } from './accounts.service.js';
import { AccountView, ChangePasswordDto, LoginDto, SessionView } from './dto/auth.dto.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
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
}
