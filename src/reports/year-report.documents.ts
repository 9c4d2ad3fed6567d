import { stringify } from 'csv-stringify/sync';
import type { FiscalYearReportView } from './dto/fiscal-year.view.js';
import { barChart } from './print/bar-chart.js';
import { escapeHtml, html, officialDate, printPage, table } from './print/print-page.js';
import {
  monthName,
  REQUEST_OUTCOME_NOTES,
  scopeName,
  yearReportSections,
  yearReportTitle,
  type ReportNames,
} from './year-report.sections.js';

/**
 * The year's report as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the Japanese), CRLF,
 * a few lines saying what it covers, then each table under its Japanese heading, a blank line between.
 */
export function yearReportCsv(report: FiscalYearReportView, names: ReportNames, issuedAt: Date): string {
  const scope = scopeName(report, names);
  const rows: (string | number)[][] = [
    [yearReportTitle(report.year)],
    ['期間', report.from, report.to],
    ['地区', scope.district],
    ['分野', scope.field],
    ['作成日', officialDate(issuedAt)],
  ];
  for (const section of yearReportSections(report, names)) {
    rows.push([], [`■${section.heading}`], section.headers, ...section.rows);
  }
  rows.push([], ['■注記'], ...REQUEST_OUTCOME_NOTES.map((note) => [note]));
  return stringify(rows, { bom: true, record_delimiter: 'windows' });
}

/** The year's report as an A4 document: title, scope, charts, then every table and what its terms mean. */
export function yearReportHtml(
  report: FiscalYearReportView,
  names: ReportNames,
  issuer: string,
  issuedAt: Date,
): string {
  const title = yearReportTitle(report.year);
  const scope = scopeName(report, names);
  const sections = yearReportSections(report, names);
  const [summary, ...rest] = sections;
  return printPage(title, [
    html(`<h1>${escapeHtml(title)}</h1>
<p class="center">期間: ${escapeHtml(officialDate(report.from))} ～ ${escapeHtml(officialDate(report.to))}</p>
<p class="center">対象: ${escapeHtml(scope.district)}・${escapeHtml(scope.field)}</p>
<p class="right">${escapeHtml(officialDate(issuedAt))} 作成&#12288;${escapeHtml(issuer)}</p>
<h2>${escapeHtml(summary.heading)}</h2>`),
    table(summary.headers, summary.rows),
    html('<h2>グラフ</h2><div class="charts">'),
    barChart(
      '月別の活動件数',
      report.byMonth.map((row) => ({ label: monthName(row.month), value: row.activities })),
    ),
    barChart(
      '月別の活動時間',
      report.byMonth.map((row) => ({ label: monthName(row.month), value: row.hours })),
    ),
    barChart(
      '分野別の活動件数',
      report.byField.map((row) => ({ label: names.field(row.fieldCode), value: row.activities })),
    ),
    barChart(
      '地区別の活動件数',
      report.byDistrict.map((row) => ({ label: names.district(row.districtCode), value: row.activities })),
    ),
    barChart(
      '活動回数別の登録者数',
      report.spread.histogram.map((bucket) => ({ label: `${bucket.activities}回`, value: bucket.residents })),
    ),
    html('</div>'),
    ...rest.flatMap((section) => [
      html(`<h2>${escapeHtml(section.heading)}</h2>`),
      section.rows.length === 0 ? html('<p>該当なし</p>') : table(section.headers, section.rows),
    ]),
    html(
      `<h2>注記</h2>${REQUEST_OUTCOME_NOTES.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('')}`,
    ),
  ]);
}
