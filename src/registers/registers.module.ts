import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AuditModule } from '../audit/audit.module.js';
import { AppConfig } from '../config/app-config.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';
import { ImportsService } from './imports.service.js';
import { REGISTERS_QUEUE } from './registers.jobs.js';
import { ImportsController } from './imports.controller.js';

/** Registers kept in spreadsheets: CSV files imported (through the worker) and exported. */
@Module({
  imports: [
    AuditModule,
    BullModule.registerQueue({ name: REGISTERS_QUEUE }),
    MulterModule.registerAsync({
      inject: [AppConfig],
      // In memory: the file is stored with its run, and a size limit keeps it small.
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.IMPORT_MAX_BYTES, files: 1 } }),
    }),
  ],
  controllers: [ImportsController, ExportsController],
  providers: [ImportsService, ExportsService],
})
export class RegistersModule {}
