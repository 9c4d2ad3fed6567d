import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AuditModule } from './audit/audit.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { ActorGuard } from './accounts/actor.guard.js';
import { CalendarsModule } from './calendars/calendars.module.js';
import { CommonModule } from './common/common.module.js';
import { ErrorBodyFilter } from './common/errors/error-body.filter.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { DistrictsModule } from './districts/districts.module.js';
import { HealthModule } from './health/health.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MatchingModule } from './matching/matching.module.js';
import { MetricsModule, ServiceFiguresModule } from './metrics/metrics.module.js';
import { PlanningModule } from './matching/planning.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { QueueBoardModule } from './queue-board/queue-board.module.js';
import { ProposalsModule } from './proposals/proposals.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RegistersModule } from './registers/registers.module.js';
import { RegistersWorkerModule } from './registers/registers-worker.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RequestsModule } from './requests/requests.module.js';
import { TaxonomyModule } from './taxonomy/taxonomy.module.js';
import { VolunteersModule } from './volunteers/volunteers.module.js';

/** The infrastructure both processes share. */
export const CORE_MODULES = [
  ConfigModule,
  LoggingModule,
  CommonModule,
  DatabaseModule,
  QueueModule,
  MetricsModule,
  HealthModule,
];

@Module({})
export class AppModule {
  /** The API and the web app; `withWorker` also runs the workers (matching, mail) in this process (for local use). */
  static forRoot(options: { withWorker: boolean }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...CORE_MODULES,
        AccountsModule,
        AuditModule,
        DistrictsModule,
        DirectoryModule,
        TaxonomyModule,
        VolunteersModule,
        OrganisationsModule,
        RequestsModule,
        ProposalsModule,
        PlanningModule,
        ReportsModule,
        NotificationsModule,
        CalendarsModule,
        RegistersModule,
        ServiceFiguresModule,
        QueueBoardModule,
        ...(options.withWorker ? [MatchingModule, NotificationsWorkerModule, RegistersWorkerModule] : []),
        // The web app (web/, built into web/dist) from the same origin; any path outside the API is one
        // of its pages, so the browser gets index.html and the app's router takes over.
        ServeStaticModule.forRoot({
          rootPath: join(process.cwd(), 'web', 'dist'),
          exclude: ['/api/{*path}'],
        }),
      ],
      providers: [
        { provide: APP_GUARD, useClass: ActorGuard },
        { provide: APP_FILTER, useClass: ErrorBodyFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
