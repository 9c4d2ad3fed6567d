import { Readable, type Transform } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import iconv from 'iconv-lite';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor/actor.js';
import { translate, type Locale } from '../common/i18n/i18n.js';
import { JAPAN_TIME_ZONE } from '../common/japan-time.js';

export const EXPORT_KINDS = ['residents', 'requests', 'activities', 'feedback'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_ENCODINGS = ['utf-8', 'shift_jis'] as const;
export type ExportEncoding = (typeof EXPORT_ENCODINGS)[number];

/** Rows read per query: a large register streams out without being held in memory. */
const BATCH = 1_000;

type Row = Record<string, unknown> & { id: string };

/** The columns of each export, in order: the catalogue key of the heading and the query's column. */
const COLUMNS: Record<ExportKind, string[]> = {
  residents: [
    'name',
    'nameKana',
    'phone',
    'email',
    'district',
    'skills',
    'languages',
    'online',
    'listed',
    'monthlyCap',
    'status',
    'registeredAt',
  ],
  requests: [
    'reference',
    'organisation',
    'kind',
    'title',
    'description',
    'startsAt',
    'endsAt',
    'sessions',
    'venue',
    'district',
    'online',
    'need',
    'skills',
    'deadline',
    'status',
  ],
  activities: ['reference', 'organisation', 'title', 'startsAt', 'resident', 'hours', 'district'],
  feedback: ['reference', 'organisation', 'title', 'resident', 'side', 'rating', 'comment', 'givenAt'],
};

const JAPAN_MINUTE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: JAPAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** `2027/05/10 10:00` in Japan: a form Excel reads as a date and time. */
function japanTime(value: unknown): string {
  if (!(value instanceof Date)) return '';
  return JAPAN_MINUTE.format(value).replaceAll('-', '/');
}

/**
 * The registers as CSV files Excel opens as they are: UTF-8 with a BOM (or Shift_JIS), CRLF, headings
 * in the caller's language, times in Japan. Each export holds only what the caller may see today, and is
 * streamed in batches.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  stream(kind: ExportKind, encoding: ExportEncoding, actor: Actor, locale: Locale): Readable {
    const heading = COLUMNS[kind].map((column) => translate(locale, `registers.columns.${column}`));
    const csv = stringify({
      header: true,
      columns: heading,
      record_delimiter: '\r\n',
      bom: encoding === 'utf-8',
    });
    const rows = Readable.from(this.records(kind, actor, locale));
    rows.on('error', (error) => csv.destroy(error));
    rows.pipe(csv);
    // iconv-lite's stream is a Transform; its typings only say ReadWriteStream.
    return encoding === 'utf-8'
      ? csv
      : csv.setEncoding('utf8').pipe(iconv.encodeStream('cp932') as Transform);
  }

  private async *records(kind: ExportKind, actor: Actor, locale: Locale): AsyncGenerator<string[]> {
    const read = this.readers[kind];
    let after = '00000000-0000-0000-0000-000000000000';
    let count = 0;
    for (;;) {
      const batch = await read(actor, locale, after);
      if (batch.length === 0) break;
      if (kind === 'residents')
        await this.audit.recordContactReads(
          actor,
          batch.map((row) => ({ volunteerId: row.id })),
        );
      const subject = kind === 'residents' ? 'volunteer' : 'request';
      for (const row of batch)
        yield COLUMNS[kind].map((column) => this.cell(row[column], locale, column, subject));
      count += batch.length;
      after = batch[batch.length - 1].id;
    }
    await this.audit.record(
      this.dataSource.manager,
      actor,
      'registers.exported',
      { type: 'register', id: kind },
      { rows: count },
    );
  }

  private cell(value: unknown, locale: Locale, column: string, subject: 'volunteer' | 'request'): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
    if (value instanceof Date) return japanTime(value);
    if (typeof value === 'boolean') return translate(locale, value ? 'registers.yes' : 'registers.no');
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (column === 'status') return translate(locale, `names.statuses.${subject}.${text}`);
    if (column === 'kind' || column === 'side') return translate(locale, `registers.values.${text}`);
    return text;
  }

  /** One batch of each export after the id `after`, limited by who asks. */
  private readonly readers: Record<
    ExportKind,
    (actor: Actor, locale: Locale, after: string) => Promise<Row[]>
  > = {
    residents: (actor, locale, after) =>
      this.dataSource.query(
        `SELECT v.id, v.name, v.name_kana AS "nameKana", v.phone, v.email,
                ${locale === 'en' ? 'd.name_en' : 'd.name_ja'} AS district,
                (SELECT string_agg(${locale === 'en' ? 's.name_en' : 's.name_ja'} || '(' || vs.level || ')', '、' ORDER BY s.sort_order)
                   FROM volunteer_skills vs JOIN skills s ON s.code = vs.skill_code WHERE vs.volunteer_id = v.id) AS skills,
                array_to_string(v.languages, '、') AS languages, v.online_available AS online,
                v.listed_publicly AS listed, v.monthly_cap AS "monthlyCap", v.status, v.created_at AS "registeredAt"
           FROM volunteers v JOIN districts d ON d.code = v.home_district_code
          WHERE v.status <> 'withdrawn' AND ($1::text[] IS NULL OR v.home_district_code = ANY($1)) AND v.id > $2
          ORDER BY v.id LIMIT ${BATCH}`,
        [actor.districtCodes ?? null, after],
      ),
    requests: (actor, locale, after) =>
      this.dataSource.query(
        `SELECT r.id, x.reference, o.name AS organisation, r.kind, r.title, r.description,
                (SELECT min(s.starts_at) FROM request_slots s WHERE s.request_id = r.id) AS "startsAt",
                (SELECT s.ends_at FROM request_slots s WHERE s.request_id = r.id ORDER BY s.starts_at LIMIT 1) AS "endsAt",
                (SELECT count(*)::int FROM request_slots s WHERE s.request_id = r.id) AS sessions,
                r.venue, ${locale === 'en' ? 'd.name_en' : 'd.name_ja'} AS district, r.online, r.need,
                (SELECT string_agg(${locale === 'en' ? 's.name_en' : 's.name_ja'} || '(' || k.min_level || ')', '、' ORDER BY s.sort_order)
                   FROM request_skills k JOIN skills s ON s.code = k.skill_code WHERE k.request_id = r.id AND k.required) AS skills,
                r.deadline, r.status
           FROM requests r JOIN organisations o ON o.id = r.organisation_id
           LEFT JOIN districts d ON d.code = r.district_code
           LEFT JOIN imported_request_refs x ON x.request_id = r.id
          WHERE ${this.requestScope('r')} AND r.id > $3
          ORDER BY r.id LIMIT ${BATCH}`,
        this.scopeParams(actor, after),
      ),
    activities: (actor, locale, after) =>
      this.dataSource.query(
        `SELECT p.id, x.reference, o.name AS organisation, r.title,
                (SELECT min(s.starts_at) FROM request_slots s WHERE s.request_id = r.id) AS "startsAt",
                v.name AS resident, p.hours, ${locale === 'en' ? 'd.name_en' : 'd.name_ja'} AS district
           FROM proposals p JOIN requests r ON r.id = p.request_id JOIN organisations o ON o.id = r.organisation_id
           JOIN volunteers v ON v.id = p.volunteer_id
           LEFT JOIN districts d ON d.code = r.district_code
           LEFT JOIN imported_request_refs x ON x.request_id = r.id
          WHERE p.status = 'completed' AND ${this.requestScope('r')} AND p.id > $3
          ORDER BY p.id LIMIT ${BATCH}`,
        this.scopeParams(actor, after),
      ),
    feedback: (actor, _locale, after) =>
      this.dataSource.query(
        `SELECT f.id, x.reference, o.name AS organisation, r.title, v.name AS resident, f.side, f.rating,
                f.comment, f.created_at AS "givenAt"
           FROM feedback f JOIN proposals p ON p.id = f.proposal_id JOIN requests r ON r.id = p.request_id
           JOIN organisations o ON o.id = r.organisation_id JOIN volunteers v ON v.id = p.volunteer_id
           LEFT JOIN imported_request_refs x ON x.request_id = r.id
          WHERE ${this.requestScope('r')} AND f.id > $3
          ORDER BY f.id LIMIT ${BATCH}`,
        this.scopeParams(actor, after),
      ),
  };

  /** The rules of mayHandleRequest (src/common/actor/access.ts) in SQL: $1 own organisations, $2 districts. */
  private requestScope(alias: string): string {
    return `($1::uuid[] IS NULL OR ${alias}.organisation_id = ANY($1))
        AND ($2::text[] IS NULL OR ${alias}.district_code IS NULL OR ${alias}.district_code = ANY($2))`;
  }

  private scopeParams(actor: Actor, after: string): unknown[] {
    return [
      actor.role === 'requester' ? (actor.organisationIds ?? []) : null,
      actor.districtCodes ?? null,
      after,
    ];
  }
}
