import { Module } from '@nestjs/common';
import { MatchingRepository } from './matching.repository.js';
import { PlanningController } from './planning.controller.js';
import { PlanningService } from './planning.service.js';

/** The city-wide planner on the API side: the dry run coordinators look at before a plan is applied. */
@Module({
  controllers: [PlanningController],
  providers: [PlanningService, MatchingRepository],
  exports: [PlanningService],
})
export class PlanningModule {}
