import { Module } from '@nestjs/common';
import { DistrictsModule } from '../districts/districts.module.js';
import { CertificateService } from './certificate.service.js';
import { PdfRenderer } from './print/pdf-renderer.js';
import { CertificatesController, ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { YearReportDocumentsService } from './year-report-documents.service.js';

/** The city office's figures, and the documents printed from them (year's report, certificates). */
@Module({
  imports: [DistrictsModule],
  controllers: [ReportsController, CertificatesController],
  providers: [ReportsService, YearReportDocumentsService, CertificateService, PdfRenderer],
})
export class ReportsModule {}
