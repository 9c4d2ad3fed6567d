import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/actor/actor.js';
import { FiscalYearQueryDto } from './dto/fiscal-year.dto.js';
import { FiscalYearReportView } from './dto/fiscal-year.view.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * The fiscal year at a glance (April–March): activities, hours and residents by field, district and
   * month; first-time residents; how evenly chances are spread; satisfaction and comments to act on.
   */
  @Get('fiscal-year')
  @Roles('admin')
  fiscalYear(@Query() query: FiscalYearQueryDto): Promise<FiscalYearReportView> {
    return this.reports.fiscalYear(query.year);
  }
}
