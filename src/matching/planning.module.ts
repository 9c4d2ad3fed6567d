import { Module } from '@nestjs/common';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { MatchingTriggerModule } from './matching-trigger.module.js';
import { MatchingRepository } from './matching.repository.js';
import { PlanningController } from './planning.controller.js';
import { PlanningService } from './planning.service.js';

/** The city-wide planner: building its instance from the database, the dry run, and writing a plan. */
@Module({
  imports: [ProposalsModule, MatchingTriggerModule],
  controllers: [PlanningController],
  providers: [PlanningService, MatchingRepository],
  exports: [PlanningService, MatchingRepository],
})
export class PlanningModule {}
