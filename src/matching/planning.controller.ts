import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import { PlanPreviewView } from './dto/plan-preview.view.js';
import { MatchingTrigger } from './matching-trigger.service.js';
import { PlanningService } from './planning.service.js';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('matching')
export class PlanningController {
  constructor(
    private readonly planning: PlanningService,
    private readonly trigger: MatchingTrigger,
  ) {}

  /**
   * Dry run of the city-wide planner: the proposals a plan would make now for every open request, and
   * what would change from the current ones. Nothing is written.
   */
  @Get('plan-preview')
  @Roles('coordinator', 'admin')
  preview(@CurrentActor() actor: Actor): Promise<PlanPreviewView> {
    return this.planning.preview(actor);
  }

  /**
   * Makes the city-wide plan now (after looking at its dry run): queued at once, written by the worker
   * like every plan. Answers 202; the proposals change when the plan is written.
   */
  @Post('plan')
  @HttpCode(202)
  @Roles('coordinator', 'admin')
  async plan(): Promise<void> {
    await this.trigger.planNow();
  }
}
