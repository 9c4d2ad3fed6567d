import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MATCHING_QUEUE } from '../matching/matching.jobs.js';
import { HealthController } from './health.controller.js';
import { ShutdownState } from './shutdown-state.js';

/** Liveness and readiness, for the API and the worker. */
@Module({
  // Any queue's connection tells whether Redis answers.
  imports: [TerminusModule, BullModule.registerQueue({ name: MATCHING_QUEUE })],
  controllers: [HealthController],
  providers: [ShutdownState],
})
export class HealthModule {}
