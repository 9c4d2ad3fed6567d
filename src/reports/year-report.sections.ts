import type { BreakdownFigures, FiscalYearReportView, RequestFigures } from './dto/fiscal-year.view.js';
import { fiscalYearName } from './print/print-page.js';

/** One table of the year's report, with its Japanese heading: the CSV and the PDF print the same ones. */
export interface ReportSection {
  heading: string;
  headers: string[];
  rows: (string | number)[][];
}

/** Japanese names of the codes the report uses. */
export interface ReportNames {
  district: (code: string) => string;
  field: (code: string) => string;
}

const SIDES = { volunteer: '登録者', requester: '依頼者' } as const;

/** `2026-04` → `2026年4月`: a month Excel keeps as text instead of turning it into a date. */
export function monthName(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The title: `令和8年度 人材バンク 年次実施報告（2026年度）`. */
export function yearReportTitle(year: number): string {
  return `${fiscalYearName(year)} 人材バンク 年次実施報告（${year}年度）`;
}

/** What the report covers, in words: `全市・全分野`, `平地区・防災分野`. */
export function scopeName(
  report: FiscalYearReportView,
  names: ReportNames,
): { district: string; field: string } {
  const { districtCodes, fieldCode } = report.scope;
  return {
    district: districtCodes === null ? '全市' : districtCodes.map(names.district).join('・'),
    field: fieldCode === null ? '全分野' : names.field(fieldCode),
  };
}

const ACTIVITY_HEADERS = ['活動件数', '活動時間', '活動した登録者数', '満足度平均（5段階）', '評価件数'];
const activityCells = (row: BreakdownFigures) => [
  row.activities,
  row.hours,
  row.residents,
  row.averageRating ?? '',
  row.ratings,
];

const REQUEST_HEADERS = [
  '依頼数',
  '充足',
  '一部充足',
  '中止',
  '期限切れ（候補者あり）',
  '期限切れ（候補者なし）',
  '募集中',
];
const requestCells = (row: RequestFigures) => [
  row.opened,
  row.filled,
  row.partlyFilled,
  row.cancelled,
  row.expiredNotTaken,
  row.expiredNoCandidate,
  row.stillOpen,
];

/** `分野別の{what}`, `地区別の{what}`, `月別の{what}`: the same figures of each part of the year. */
function breakdownSections<T>(
  what: string,
  parts: {
    byField: (T & { fieldCode: string })[];
    byDistrict: (T & { districtCode: string })[];
    byMonth: (T & { month: string })[];
  },
  headers: string[],
  cells: (row: T) => (string | number)[],
  names: ReportNames,
): ReportSection[] {
  return [
    {
      heading: `分野別の${what}`,
      headers: ['分野コード', '分野', ...headers],
      rows: parts.byField.map((row) => [row.fieldCode, names.field(row.fieldCode), ...cells(row)]),
    },
    {
      heading: `地区別の${what}`,
      headers: ['地区コード', '地区', ...headers],
      rows: parts.byDistrict.map((row) => [
        row.districtCode,
        names.district(row.districtCode),
        ...cells(row),
      ]),
    },
    {
      heading: `月別の${what}`,
      headers: ['月', ...headers],
      rows: parts.byMonth.map((row) => [monthName(row.month), ...cells(row)]),
    },
  ];
}

/** The report's tables, in the order a city office reads them. */
export function yearReportSections(report: FiscalYearReportView, names: ReportNames): ReportSection[] {
  const { totals, requests } = report;
  return [
    {
      heading: '概要',
      headers: ['項目', '値'],
      rows: [
        ['活動件数', totals.activities],
        ['活動時間（時間）', totals.hours],
        ['活動した登録者数', totals.residents],
        ['初めて活動した登録者数', totals.firstTimeResidents],
        ['初めて活動した登録者の割合', totals.firstTimeShare],
        ['活動機会の偏り（ジニ係数）', report.spread.gini],
        ['依頼数', requests.totals.opened],
        ['充足した依頼', requests.totals.filled],
      ],
    },
    ...breakdownSections('活動', report, ACTIVITY_HEADERS, activityCells, names),
    {
      heading: '依頼の結果',
      headers: REQUEST_HEADERS,
      rows: [requestCells(requests.totals)],
    },
    ...breakdownSections('依頼の結果', requests, REQUEST_HEADERS, requestCells, names),
    {
      heading: '活動回数別の登録者数',
      headers: ['活動回数', '登録者数'],
      rows: report.spread.histogram.map((bucket) => [`${bucket.activities}回`, bucket.residents]),
    },
    {
      heading: '満足度',
      headers: ['回答者', '平均（5段階）', '回答数'],
      rows: report.satisfaction.map((side) => [SIDES[side.side], side.average ?? '', side.responses]),
    },
    {
      heading: '改善要望（評価3以下のコメント）',
      headers: ['月', '分野', '地区', '依頼', '回答者', '評価', 'コメント'],
      rows: report.commentsToActOn.map((comment) => [
        monthName(comment.month),
        names.field(comment.fieldCode),
        names.district(comment.districtCode),
        comment.requestTitle,
        SIDES[comment.side],
        comment.rating,
        comment.comment,
      ]),
    },
  ];
}

/** What each outcome of a request means, printed under the tables so a reader need not guess. */
export const REQUEST_OUTCOME_NOTES = [
  '依頼の年度・月は最初の活動日、分野は最初の必須スキルの分野（なければ「その他」）によります。下書きのまま公開されなかった依頼は数えません。',
  '充足: 必要な人数の登録者が承諾（または活動を完了）した依頼。一部充足: 必要な人数に届かないまま実施または期限切れになった依頼。',
  '中止: 依頼者が取りやめた依頼。期限切れ（候補者あり）: 候補者は提案されたが、締切までに承認・承諾に至らなかった依頼。',
  '期限切れ（候補者なし）: 締切までに条件に合う登録者が見つからなかった依頼。募集中: 締切前でまだ人を探している依頼。',
  '活動機会の偏り（ジニ係数）: 0 は全員が同じ回数、1 に近いほど一部の人に機会が集中。活動できる状態の登録者全員（活動0回を含む）で計算します。',
];
