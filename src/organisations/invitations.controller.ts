import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SessionView } from '../accounts/dto/auth.dto.js';
import { Public } from '../common/actor/actor.js';
import { AcceptInvitationDto } from './dto/invitation.dto.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('organisations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** The invited staff member sets their password with the token from the mailed link, and is signed in. */
  @Public()
  @Post('accept')
  @HttpCode(200)
  accept(@Body() dto: AcceptInvitationDto): Promise<SessionView> {
    return this.invitations.accept(dto.token, dto.password);
  }
}
