import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarEntries } from './calendar-entries.repository.js';
import { CalendarsController } from './calendars.controller.js';
import { CalendarsService } from './calendars.service.js';

@Module({
  imports: [AuditModule],
  controllers: [CalendarsController],
  providers: [CalendarsService, CalendarEntries],
})
export class CalendarsModule {}
