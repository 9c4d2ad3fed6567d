import { InvalidInputError } from '../common/errors/domain-error.js';
import { folded } from './normalise.js';

export const REGISTER_KINDS = ['residents', 'requests'] as const;
/** What a file imports: the resident register (人材登録台帳) or the list of requests (依頼一覧). */
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/**
 * The columns of each register: the field, and the headings city offices give it. The first Japanese
 * heading is the one exports write, so an exported file imports again as it is; the field's own English
 * name is always understood too.
 */
export const RESIDENT_COLUMNS = {
  name: ['氏名', '名前', 'お名前'],
  nameKana: ['ふりがな', 'フリガナ', 'よみがな', 'ヨミガナ', 'かな'],
  phone: ['電話番号', '電話', '連絡先電話番号', 'tel'],
  email: ['メールアドレス', 'メール', 'e-mail', 'mail'],
  homeDistrict: ['地区', '居住地区', '住所地区', 'homeDistrictCode'],
  travelDistricts: ['活動可能地区', '出向可能地区', 'travelDistrictCodes'],
  skills: ['分野', '得意分野', '技能', '特技', 'skillCodes'],
  languages: ['言語', '対応言語'],
  onlineAvailable: ['オンライン可', 'オンライン'],
  listedPublicly: ['公開可', '公開', '一覧掲載'],
  monthlyCap: ['月の上限', '月上限', '月あたり上限'],
} as const;

export const REQUEST_COLUMNS = {
  reference: ['依頼番号', '管理番号', '受付番号', 'ref'],
  organisation: ['団体名', '学校名', '依頼者', '依頼団体', 'organisationName'],
  kind: ['種別', '依頼種別', '区分'],
  title: ['件名', '題名', 'タイトル'],
  description: ['内容', '依頼内容', '詳細'],
  startsAt: ['開始', '日時', '開始日時', '実施日時'],
  endsAt: ['終了', '終了日時', '終了時刻'],
  venue: ['場所', '会場', '実施場所'],
  district: ['地区', '実施地区', 'districtCode'],
  online: ['オンライン'],
  need: ['人数', '必要人数', '募集人数'],
  skills: ['分野', '必要な技能', '技能', 'requiredSkills'],
  deadline: ['締切', '募集締切', '締め切り'],
  // The fields of a school visit (学校訪問), a family-support request (家庭教育支援), a course (講座).
  schoolRole: ['役割', 'role'],
  schoolLevel: ['学校種別', '校種', 'schoolLevel'],
  grade: ['学年', 'grade'],
  subject: ['教科', 'subject'],
  topic: ['テーマ', '単元', 'topic'],
  pupils: ['児童生徒数', '児童数', '生徒数', 'pupils'],
  supportType: ['支援内容', 'supportType'],
  organiserType: ['主催', '主催者種別', 'organiserType'],
  childrenAges: ['子どもの年齢', 'childrenAges'],
  languageNeeds: ['必要な言語', 'languageNeeds'],
  childcare: ['託児', 'childcareNeeded'],
  capacity: ['定員', 'capacity'],
  participantFee: ['参加費', 'participantFeeYen'],
  honorarium: ['謝礼', 'honorariumYen'],
} as const;

export type ResidentField = keyof typeof RESIDENT_COLUMNS;
export type RequestField = keyof typeof REQUEST_COLUMNS;

/** The columns a file of each kind must have: without them no row could be imported. */
const REQUIRED: { residents: ResidentField[]; requests: RequestField[] } = {
  residents: ['name', 'nameKana', 'phone', 'homeDistrict'],
  requests: ['organisation', 'kind', 'title', 'startsAt', 'need', 'deadline'],
};

/** Which cell holds which field, the headings nobody recognised, and the heading each field came from. */
export interface ColumnMap<F extends string> {
  index: Partial<Record<F, number>>;
  heading: Partial<Record<F, string>>;
  unknown: string[];
}

function headingKey(heading: string): string {
  return folded(heading)
    .toLowerCase()
    .replace(/[\s_*※]/g, '');
}

/**
 * Maps a header row to fields. A heading nobody knows is listed (and its cells ignored), never silently
 * dropped; a heading used twice, or a required column missing, makes the file a 400.
 */
export function mapColumns<F extends string>(kind: RegisterKind, header: string[]): ColumnMap<F> {
  const columns = (kind === 'residents' ? RESIDENT_COLUMNS : REQUEST_COLUMNS) as Record<F, readonly string[]>;
  const byHeading = new Map<string, F>();
  for (const [field, headings] of Object.entries(columns) as [F, readonly string[]][]) {
    for (const heading of [field, ...headings]) byHeading.set(headingKey(heading), field);
  }
  const map: ColumnMap<F> = { index: {}, heading: {}, unknown: [] };
  header.forEach((heading, i) => {
    if (heading === '') return;
    const field = byHeading.get(headingKey(heading));
    if (!field) {
      map.unknown.push(heading);
      return;
    }
    if (map.index[field] !== undefined) {
      throw new InvalidInputError([
        { field: 'file', code: 'import.columnTwice', params: { column: heading, other: map.heading[field] } },
      ]);
    }
    map.index[field] = i;
    map.heading[field] = heading;
  });
  const missing = (REQUIRED[kind] as string[]).filter((field) => map.index[field as F] === undefined);
  if (missing.length > 0) {
    throw new InvalidInputError(
      missing.map((field) => ({
        field: 'file',
        code: 'import.columnMissing',
        params: { column: (columns[field as F] as readonly string[])[0] },
      })),
    );
  }
  return map;
}

/** The cell of `field` in a row, '' when the file has no such column or the row is short. */
export function cellOf<F extends string>(map: ColumnMap<F>, cells: string[], field: F): string {
  const i = map.index[field];
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

/** The heading a problem with `field` is reported against: the file's own, else the usual Japanese one. */
export function columnName<F extends string>(kind: RegisterKind, map: ColumnMap<F>, field: F): string {
  const columns = (kind === 'residents' ? RESIDENT_COLUMNS : REQUEST_COLUMNS) as Record<F, readonly string[]>;
  return map.heading[field] ?? columns[field][0];
}
