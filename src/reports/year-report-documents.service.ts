import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import type { FiscalYearQueryDto } from './dto/fiscal-year.dto.js';
import { PdfRenderer } from './print/pdf-renderer.js';
import { ReportsService } from './reports.service.js';
import { yearReportCsv, yearReportHtml } from './year-report.documents.js';
import type { ReportNames } from './year-report.sections.js';

/** The year's report (年次実施報告) as files the city office files with its own report: CSV and PDF. */
@Injectable()
export class YearReportDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly pdf: PdfRenderer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async csv(query: FiscalYearQueryDto, actor: Actor): Promise<string> {
    const { report, names } = await this.reportWithNames(query, actor);
    return yearReportCsv(report, names, this.clock.now());
  }

  async pdfFile(query: FiscalYearQueryDto, actor: Actor): Promise<Buffer> {
    const { report, names } = await this.reportWithNames(query, actor);
    return this.pdf.render(yearReportHtml(report, names, this.config.CERTIFICATE_ISSUER, this.clock.now()));
  }

  private async reportWithNames(query: FiscalYearQueryDto, actor: Actor) {
    const scope = await this.reports.scopeFor(query, actor);
    const report = await this.reports.fiscalYear(query.year, scope);
    return { report, names: await this.japaneseNames() };
  }

  private async japaneseNames(): Promise<ReportNames> {
    const rows = await this.dataSource.query<{ kind: 'district' | 'field'; code: string; name: string }[]>(
      `SELECT 'district' AS kind, code, name_ja AS name FROM districts
       UNION ALL SELECT 'field', code, name_ja FROM skill_categories`,
    );
    const named = (kind: 'district' | 'field', fallback: Record<string, string>) => {
      const names = new Map(rows.filter((row) => row.kind === kind).map((row) => [row.code, row.name]));
      return (code: string) => names.get(code) ?? fallback[code] ?? code;
    };
    return {
      district: named('district', { online: 'オンライン' }),
      field: named('field', { other: 'その他' }),
    };
  }
}
