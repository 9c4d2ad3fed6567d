import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MatchingTrigger } from './matching-trigger.service.js';
import { MATCHING_QUEUE } from './matching.jobs.js';

/** What the API needs of matching: a way to enqueue it. */
@Module({
  imports: [BullModule.registerQueue({ name: MATCHING_QUEUE })],
  providers: [MatchingTrigger],
  exports: [MatchingTrigger, BullModule],
})
export class MatchingTriggerModule {}
