import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { RequestsModule } from '../requests/requests.module.js';
import { VolunteersModule } from '../volunteers/volunteers.module.js';
import { ImportProcessor } from './import.processor.js';
import { ImportRunner } from './import-runner.js';
import { REGISTERS_QUEUE } from './registers.jobs.js';
import { RequestImporter } from './request-importer.js';
import { ResidentImporter } from './resident-importer.js';

/** The import worker: weighs and applies the rows of uploaded registers. */
@Module({
  imports: [
    AuditModule,
    VolunteersModule,
    RequestsModule,
    BullModule.registerQueue({ name: REGISTERS_QUEUE }),
  ],
  providers: [ImportProcessor, ImportRunner, ResidentImporter, RequestImporter],
})
export class RegistersWorkerModule {}
