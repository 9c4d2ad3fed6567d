import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { CreateInvitationDto, InvitationView } from './dto/invitation.dto.js';
import { CreateOrganisationDto, OrganisationView } from './dto/organisation.dto.js';
import { InvitationsService } from './invitations.service.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly invitations: InvitationsService,
  ) {}

  /** Register a school, community group or family-support desk. */
  @Post()
  @Roles('coordinator', 'admin')
  create(@Body() dto: CreateOrganisationDto, @CurrentActor() actor: Actor): Promise<OrganisationView> {
    return this.organisations.create(dto, actor);
  }

  @Get()
  @Roles('requester', 'coordinator', 'admin')
  list(@CurrentActor() actor: Actor): Promise<OrganisationView[]> {
    return this.organisations.list(actor);
  }

  /**
   * Invite a staff member to act for the organisation: they get a link by mail, valid for 14 days, to
   * set their password. Inviting the same address again replaces the earlier link.
   */
  @Post(':id/invitations')
  @Roles('coordinator', 'admin')
  invite(
    @UuidParam() id: string,
    @Body() dto: CreateInvitationDto,
    @CurrentActor() actor: Actor,
  ): Promise<InvitationView> {
    return this.invitations.invite(id, dto, actor);
  }
}
