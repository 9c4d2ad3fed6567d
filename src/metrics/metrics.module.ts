import { BullModule } from '@nestjs/bullmq';
import { Global, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { MATCHING_QUEUE, PLANNING_QUEUE } from '../matching/matching.jobs.js';
import { NOTIFICATIONS_QUEUE } from '../notifications/notifications.jobs.js';
import { REGISTERS_QUEUE } from '../registers/registers.jobs.js';
import { HttpMetricsMiddleware } from './http-metrics.middleware.js';
import { MetricsController } from './metrics.controller.js';
import { Metrics } from './metrics.service.js';
import { ServiceFigures } from './service-figures.js';

/** `/metrics` of this process (API or worker); processors report their jobs to {@link Metrics}. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics],
  exports: [Metrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}

/** The service-wide figures, reported by the API only (see {@link ServiceFigures}). */
@Module({
  imports: [
    BullModule.registerQueue(
      { name: MATCHING_QUEUE },
      { name: PLANNING_QUEUE },
      { name: NOTIFICATIONS_QUEUE },
      { name: REGISTERS_QUEUE },
    ),
  ],
  providers: [ServiceFigures],
})
export class ServiceFiguresModule {}
