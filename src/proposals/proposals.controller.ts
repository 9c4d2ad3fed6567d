import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import { ApiPageOf, type Page } from '../common/pagination/pagination.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import {
  CompleteProposalDto,
  DeclineProposalDto,
  FeedbackDto,
  ProposalQueryDto,
  RejectProposalDto,
} from './dto/proposal.dto.js';
import { ProposalView } from './dto/proposal.view.js';
import { ProposalsService } from './proposals.service.js';
import { ResidentSearchService } from './resident-search.service.js';
import { AddResidentDto, ResidentMatchView, ResidentSearchQueryDto } from './dto/resident-search.dto.js';

@ApiTags('proposals')
@Controller()
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly residents: ResidentSearchService,
  ) {}

  /**
   * A request's proposals, best score first, each with the explanation of its score. Requesters see only
   * those a coordinator has approved.
   */
  @ApiPageOf(ProposalView)
  @Get('requests/:id/proposals')
  @Roles('requester', 'coordinator', 'admin')
  listForRequest(
    @UuidParam() id: string,
    @Query() query: ProposalQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ProposalView>> {
    return this.proposals.listForRequest(id, query, actor);
  }

  /** A resident's approved proposals and their history. */
  @ApiPageOf(ProposalView)
  @Get('volunteers/:id/proposals')
  @Roles('volunteer', 'coordinator', 'admin')
  listForVolunteer(
    @UuidParam() id: string,
    @Query() query: ProposalQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ProposalView>> {
    return this.proposals.listForVolunteer(id, actor, query);
  }

  /** Residents a coordinator could add to the request by hand: the register's filters, name, free for its sessions. */
  @ApiPageOf(ResidentMatchView)
  @Get('requests/:id/resident-search')
  @Roles('coordinator', 'admin')
  searchResidents(
    @UuidParam() id: string,
    @Query() query: ResidentSearchQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ResidentMatchView>> {
    return this.residents.search(id, query, actor);
  }

  /** A coordinator adds a resident they found by hand: proposed and approved at once. */
  @Post('requests/:id/proposals')
  @Roles('coordinator', 'admin')
  addByHand(
    @UuidParam() id: string,
    @Body() dto: AddResidentDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProposalView> {
    return this.proposals.addByHand(id, dto.volunteerId, actor);
  }

  @Get('proposals/:id')
  @Roles('requester', 'coordinator', 'admin')
  findOne(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ProposalView> {
    return this.proposals.findOne(id, actor);
  }

  @Post('proposals/:id/approve')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  approve(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ProposalView> {
    return this.proposals.approve(id, actor);
  }

  /** Pin a waiting proposal so new city-wide plans keep it (a coordinator's choice the plan must honour). */
  @Post('proposals/:id/lock')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  lock(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ProposalView> {
    return this.proposals.setLocked(id, true, actor);
  }

  @Post('proposals/:id/unlock')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  unlock(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ProposalView> {
    return this.proposals.setLocked(id, false, actor);
  }

  @Post('proposals/:id/reject')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  reject(
    @UuidParam() id: string,
    @Body() dto: RejectProposalDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProposalView> {
    return this.proposals.reject(id, actor, dto.reason);
  }

  @Post('proposals/:id/accept')
  @HttpCode(200)
  @Roles('volunteer')
  accept(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ProposalView> {
    return this.proposals.accept(id, actor);
  }

  @Post('proposals/:id/decline')
  @HttpCode(200)
  @Roles('volunteer')
  decline(
    @UuidParam() id: string,
    @Body() dto: DeclineProposalDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProposalView> {
    return this.proposals.decline(id, actor, dto.reason);
  }

  /** After the last session, record that the activity happened and how many hours it took. */
  @Post('proposals/:id/complete')
  @HttpCode(200)
  @Roles('requester', 'coordinator', 'admin')
  complete(
    @UuidParam() id: string,
    @Body() dto: CompleteProposalDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProposalView> {
    return this.proposals.complete(id, actor, dto);
  }

  /** Feedback from the resident (as volunteer) or from the requesting side. */
  @Post('proposals/:id/feedback')
  @HttpCode(201)
  @Roles('volunteer', 'requester', 'coordinator')
  feedback(
    @UuidParam() id: string,
    @Body() dto: FeedbackDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProposalView> {
    return this.proposals.giveFeedback(id, actor, dto);
  }
}
