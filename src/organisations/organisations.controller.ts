import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AccountView } from '../accounts/dto/auth.dto.js';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { AddMemberDto, CreateOrganisationDto, OrganisationView } from './dto/organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

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

  /** Give a staff member of the organisation a requester account acting for it. */
  @Post(':id/members')
  @Roles('coordinator', 'admin')
  addMember(
    @UuidParam() id: string,
    @Body() dto: AddMemberDto,
    @CurrentActor() actor: Actor,
  ): Promise<AccountView> {
    return this.organisations.addMember(id, dto, actor);
  }
}
