import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/actor/actor.js';
import { UnauthenticatedError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { Metrics } from './metrics.service.js';

/** Prometheus scrapes this, outside `/api/v1`; with `METRICS_TOKEN` set it must send it as a bearer token. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() response: Response) {
    if (this.config.METRICS_TOKEN && authorization !== `Bearer ${this.config.METRICS_TOKEN}`) {
      throw new UnauthenticatedError();
    }
    response.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
