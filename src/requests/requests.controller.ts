import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import { ApiPageOf, type Page } from '../common/pagination/pagination.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { ExcludeVolunteerDto } from './dto/exclusion.dto.js';
import { CancelRequestDto } from './dto/cancel-request.dto.js';
import { CreateRequestDto, SlotDto, UpdateRequestDto } from './dto/request.dto.js';
import { RequestQueryDto } from './dto/request-query.dto.js';
import { RequestView } from './dto/request.view.js';
import { RequestsService } from './requests.service.js';
import { SessionMoves } from './session-moves.service.js';

@ApiTags('requests')
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly sessionMoves: SessionMoves,
  ) {}

  /** A school, family-support desk or community group asks for people; the request starts as a draft. */
  @Post()
  @Roles('requester', 'coordinator', 'admin')
  create(@Body() dto: CreateRequestDto, @CurrentActor() actor: Actor): Promise<RequestView> {
    return this.requests.create(dto, actor);
  }

  @ApiPageOf(RequestView)
  @Get()
  @Roles('requester', 'coordinator', 'admin')
  list(@Query() query: RequestQueryDto, @CurrentActor() actor: Actor): Promise<Page<RequestView>> {
    return this.requests.list(query, actor);
  }

  @Get(':id')
  @Roles('requester', 'coordinator', 'admin')
  findOne(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<RequestView> {
    return this.requests.findOne(id, actor);
  }

  @Patch(':id')
  @Roles('requester', 'coordinator', 'admin')
  update(
    @UuidParam() id: string,
    @Body() dto: UpdateRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<RequestView> {
    return this.requests.update(id, dto, actor);
  }

  /**
   * Move one session to a new time, also once residents are committed to it: the session keeps its id,
   * their bookings move with it, and calendars see a higher SEQUENCE. 409 if a booked resident is busy then.
   */
  @Patch(':id/sessions/:slotId')
  @Roles('requester', 'coordinator', 'admin')
  async moveSession(
    @UuidParam() id: string,
    @UuidParam('slotId') slotId: string,
    @Body() dto: SlotDto,
    @CurrentActor() actor: Actor,
  ): Promise<RequestView> {
    await this.sessionMoves.move(id, slotId, dto, actor);
    return this.requests.findOne(id, actor);
  }

  /** Publish a draft: the matching worker starts proposing residents. */
  @Post(':id/open')
  @HttpCode(200)
  @Roles('requester', 'coordinator', 'admin')
  open(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<RequestView> {
    return this.requests.open(id, actor);
  }

  /** Leave a resident out of this request: not proposed for it again, by either matching path. */
  @Post(':id/exclusions')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  exclude(
    @UuidParam() id: string,
    @Body() dto: ExcludeVolunteerDto,
    @CurrentActor() actor: Actor,
  ): Promise<RequestView> {
    return this.requests.exclude(id, dto, actor);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('requester', 'coordinator', 'admin')
  cancel(
    @UuidParam() id: string,
    @Body() dto: CancelRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<RequestView> {
    return this.requests.cancel(id, actor, dto.reason);
  }
}
