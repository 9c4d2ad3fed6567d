import type { Locale } from '../common/i18n/i18n.js';
import { RequestLocale } from '../common/i18n/request-locale.js';
import { Body, Controller, Get, Header, HttpCode, Ip, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SessionView } from '../accounts/dto/auth.dto.js';
import { CurrentActor, Public, Roles, type Actor } from '../common/actor/actor.js';
import { ApiPageOf, type Page } from '../common/pagination/pagination.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { InformationRequestDto, StatusChangeDto } from './dto/status-change.dto.js';
import {
  ConsentDto,
  CreateVolunteerDto,
  SignUpDto,
  UpdateVolunteerDto,
} from './dto/volunteer-profile.dto.js';
import { VolunteerQueryDto } from './dto/volunteer-query.dto.js';
import { VolunteerView } from './dto/volunteer.view.js';
import { VolunteersService } from './volunteers.service.js';

@ApiTags('volunteers')
@Controller('volunteers')
export class VolunteersController {
  constructor(private readonly volunteers: VolunteersService) {}

  /** A resident signs up: profile (pending review) and account; the answer signs them in. Open to anyone. */
  @Public()
  @Post('signup')
  signUp(
    @Body() dto: SignUpDto,
    @Ip() address: string,
    @RequestLocale() locale: Locale,
  ): Promise<SessionView> {
    return this.volunteers.signUp(dto, address, locale);
  }

  /** A coordinator registers a resident who has no account (at the desk, from a paper form). */
  @Post()
  @Roles('coordinator', 'admin')
  register(@Body() dto: CreateVolunteerDto, @CurrentActor() actor: Actor): Promise<VolunteerView> {
    return this.volunteers.register(dto, actor);
  }

  @ApiPageOf(VolunteerView)
  @Get()
  @Roles('coordinator', 'admin')
  list(@Query() query: VolunteerQueryDto, @CurrentActor() actor: Actor): Promise<Page<VolunteerView>> {
    return this.volunteers.list(query, actor);
  }

  @Get(':id')
  @Roles('volunteer', 'coordinator', 'admin')
  findOne(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<VolunteerView> {
    return this.volunteers.findOne(id, actor);
  }

  /** Everything the service holds about the resident, as one JSON document (for the resident or the city office). */
  @Get(':id/export')
  @Roles('volunteer', 'admin')
  @Header('Content-Disposition', 'attachment; filename="talent-bank-my-data.json"')
  export(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<Record<string, unknown>> {
    return this.volunteers.export(id, actor);
  }

  @Patch(':id')
  @Roles('volunteer', 'coordinator', 'admin')
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateVolunteerDto,
    @CurrentActor() actor: Actor,
  ): Promise<VolunteerView> {
    return this.volunteers.update(id, dto, actor);
  }

  /** The resident agrees to (a new version of) the privacy notice. */
  @Put(':id/consent')
  @Roles('volunteer')
  consent(@UuidParam() id: string, @Body() dto: ConsentDto, @CurrentActor() actor: Actor) {
    return this.volunteers.recordConsent(id, dto, actor);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  activate(@UuidParam() id: string, @Body() dto: StatusChangeDto, @CurrentActor() actor: Actor) {
    return this.volunteers.changeStatus(id, 'activate', actor, dto.reason);
  }

  /** The sign-up needs more before it can be activated: the resident sees the question on their page. */
  @Post(':id/request-information')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  requestInformation(
    @UuidParam() id: string,
    @Body() dto: InformationRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<VolunteerView> {
    return this.volunteers.requestInformation(id, dto.message, actor);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  suspend(@UuidParam() id: string, @Body() dto: StatusChangeDto, @CurrentActor() actor: Actor) {
    return this.volunteers.changeStatus(id, 'suspend', actor, dto.reason);
  }

  /** The resident leaves the talent bank (or a coordinator records that they have). */
  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('volunteer', 'coordinator', 'admin')
  withdraw(@UuidParam() id: string, @Body() dto: StatusChangeDto, @CurrentActor() actor: Actor) {
    return this.volunteers.changeStatus(id, 'withdraw', actor, dto.reason);
  }
}
