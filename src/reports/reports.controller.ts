import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, type Actor } from '../common/actor/actor.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { CertificateService } from './certificate.service.js';
import { CertificateQueryDto } from './dto/certificate.dto.js';
import { FiscalYearQueryDto } from './dto/fiscal-year.dto.js';
import { FiscalYearReportView } from './dto/fiscal-year.view.js';
import { ReportsService } from './reports.service.js';
import { YearReportDocumentsService } from './year-report-documents.service.js';

const FILE = { schema: { type: 'string', format: 'binary' } } as const;

/** `talent-bank-year-report-2026-taira-disaster`: what the file covers, in its name. */
function reportFileName(query: FiscalYearQueryDto, extension: string): string {
  const parts = [query.year, query.districtCode, query.fieldCode].filter((part) => part !== undefined);
  return `talent-bank-year-report-${parts.join('-').replace(/[^\w.-]/g, '_')}.${extension}`;
}

/** A file the browser saves under `fileName` (ASCII: the codes it covers, never a person's name). */
function download(content: Buffer, type: string, fileName: string): StreamableFile {
  return new StreamableFile(content, { type, disposition: `attachment; filename="${fileName}"` });
}

/**
 * The year's report (年次実施報告) for the city office, and for coordinators over the districts they cover
 * (a coordinator limited to some districts sees only those).
 */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly documents: YearReportDocumentsService,
  ) {}

  /**
   * The fiscal year at a glance (April–March), optionally for one district or field: activities, hours and
   * residents by field, district and month; first-time residents; how evenly chances are spread; what
   * became of the requests; satisfaction and comments to act on.
   */
  @Get('fiscal-year')
  @Roles('coordinator', 'admin')
  async fiscalYear(
    @Query() query: FiscalYearQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<FiscalYearReportView> {
    return this.reports.fiscalYear(query.year, await this.reports.scopeFor(query, actor));
  }

  /** The same figures as CSV for Excel: UTF-8 with BOM, CRLF, one table per section under a Japanese heading. */
  @Get('fiscal-year.csv')
  @Roles('coordinator', 'admin')
  @ApiProduces('text/csv')
  @ApiOkResponse(FILE)
  async fiscalYearCsv(
    @Query() query: FiscalYearQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    return download(
      Buffer.from(await this.documents.csv(query, actor), 'utf8'),
      'text/csv; charset=utf-8',
      reportFileName(query, 'csv'),
    );
  }

  /** The same as an A4 PDF with tables and charts (令和N年度 人材バンク 年次実施報告). */
  @Get('fiscal-year.pdf')
  @Roles('coordinator', 'admin')
  @ApiProduces('application/pdf')
  @ApiOkResponse(FILE)
  async fiscalYearPdf(
    @Query() query: FiscalYearQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    return download(
      await this.documents.pdfFile(query, actor),
      'application/pdf',
      reportFileName(query, 'pdf'),
    );
  }
}

@ApiTags('reports')
@Controller('volunteers')
export class CertificatesController {
  constructor(private readonly certificates: CertificateService) {}

  /**
   * A participation certificate (活動証明書) PDF: the resident's completed activities and total hours in a
   * period (the current fiscal year unless `from`/`to` say otherwise). For the resident themself and staff.
   */
  @Get(':id/certificate.pdf')
  @Roles('volunteer', 'coordinator', 'admin')
  @ApiProduces('application/pdf')
  @ApiOkResponse(FILE)
  async certificate(
    @UuidParam() id: string,
    @Query() query: CertificateQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<StreamableFile> {
    return download(
      await this.certificates.certificatePdf(id, query, actor),
      'application/pdf',
      'talent-bank-certificate.pdf',
    );
  }
}
