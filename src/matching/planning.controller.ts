import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import { PlanPreviewView } from './dto/plan-preview.view.js';
import { PlanningService } from './planning.service.js';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('matching')
export class PlanningController {
  constructor(private readonly planning: PlanningService) {}

  /**
   * Dry run of the city-wide planner: the proposals a plan would make now for every open request, and
   * what would change from the current ones. Nothing is written.
   */
  @Get('plan-preview')
  @Roles('coordinator', 'admin')
  preview(@CurrentActor() actor: Actor): Promise<PlanPreviewView> {
    return this.planning.preview(actor);
  }
}
