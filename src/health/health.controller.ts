import { InjectQueue } from '@nestjs/bullmq';
import {
  Catch,
  Controller,
  Get,
  ServiceUnavailableException,
  UseFilters,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Public } from '../common/actor/actor.js';
import { MATCHING_QUEUE } from '../matching/matching.jobs.js';
import { ShutdownState } from './shutdown-state.js';

/** A check that does not answer in this time counts as down: a load balancer must not wait on it. */
const CHECK_TIMEOUT_MS = 1_500;

/** A failed check answers 503 with what failed (`{ status, info, error, details }`), not the API's error body. */
@Catch(ServiceUnavailableException)
class HealthCheckFailed implements ExceptionFilter {
  catch(exception: ServiceUnavailableException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(503).json(exception.getResponse());
  }
}

/**
 * For load balancers and orchestrators, outside `/api/v1`, in the API and in the worker alike:
 * `/health` says the process answers; `/health/ready` that it can do its work.
 */
@ApiExcludeController()
@UseFilters(HealthCheckFailed)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(MATCHING_QUEUE) private readonly queue: Queue,
    private readonly shutdown: ShutdownState,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** PostgreSQL and Redis answer, every migration is applied, and the process is not stopping. */
  @Public()
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
      () =>
        this.indicators
          .check('redis')
          // A round trip to the queues themselves, as the work needs them.
          .attempt(async () => {
            await this.queue.getJobCounts('waiting');
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('migrations')
          .attempt(async () => {
            if (await this.dataSource.showMigrations()) throw new Error('migrations are pending');
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.shutdown.stopping
          ? this.indicators.check('process').down('shutting down')
          : this.indicators.check('process').up(),
    ]);
  }
}
