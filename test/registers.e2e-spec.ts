import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { REGISTERS_QUEUE } from '../src/registers/registers.jobs.js';
import iconv from 'iconv-lite';
import request from 'supertest';
import {
  cityOffice,
  coordinator,
  otherSchoolStaff,
  schoolStaff,
  tairaCoordinator,
  type Persona,
} from './factories/personas.js';
import { startTestApp, waitUntilDrained, type TestApp } from './setup/test-app.js';

const HEADER = '氏名,ふりがな,電話番号,メールアドレス,地区,分野,言語,オンライン可,公開可,備考';

/** A paper register typed into Excel: full-width digits and spaces, half-width kana, and three bad rows. */
const REGISTER = [
  HEADER,
  '山田　花子,ﾔﾏﾀﾞ ﾊﾅｺ,０２４６－２２－１１１１,ＨＡＮＡＫＯ@example.jp,平,書道(4)、茶道,日本語、英語,可,不可,',
  '鈴木 一郎,すずき いちろう,090 1234 5678,ichiro@example.jp,小名浜地区,応急手当,日本語,不可,可,元教員',
  '佐藤 次郎,さとう じろう,0246-33-4444,jiro@example.jp,火星,書道,,,,', // unknown district
  '高橋 三郎,Takahashi,0246-44-5555,saburo@example.jp,平,自然・環境,,はい,,', // kana and a field, not a skill
  '伊藤 四郎,いとう しろう,0246-55-6666,,平,書道,,,,', // no e-mail: cannot be created
  '山田 花子,やまだ はなこ,0246-22-1111,hanako@example.jp,平,書道(4)、茶道,日本語、英語,可,不可,', // same as line 2
].join('\r\n');

describe('Importing and exporting registers (CSV)', () => {
  let t: TestApp;
  let registers: Queue;

  beforeAll(async () => {
    t = await startTestApp();
    registers = t.app.get<Queue>(getQueueToken(REGISTERS_QUEUE));
  });
  afterAll(() => t.close());

  const upload = (
    persona: Persona,
    file: Buffer | undefined,
    fields: Record<string, string>,
    language = 'ja',
  ) => {
    let call = request(t.app.getHttpServer())
      .post('/api/v1/registers/imports')
      .set('Authorization', `Bearer ${t.sessionOf(persona)}`)
      .set('Accept-Language', language);
    for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
    return file ? call.attach('file', file, 'register.csv') : call;
  };

  /** Uploads, waits for the worker, and returns the finished run with its rows. */
  const importFile = async (
    persona: Persona,
    file: Buffer,
    fields: Record<string, string>,
    language = 'ja',
  ) => {
    const started = await upload(persona, file, fields, language).expect(202);
    await waitUntilDrained(registers, 120_000);
    return finished(persona, started.body.id as string, language);
  };

  const finished = async (persona: Persona, id: string, language = 'ja') => {
    const run = (await t.as(persona).get(`/registers/imports/${id}`).expect(200)).body;
    const rows = (
      await t
        .as(persona)
        .get(`/registers/imports/${id}/rows?perPage=100`)
        .set('Accept-Language', language)
        .expect(200)
    ).body.items;
    return { run, rows };
  };

  const countResidents = async () =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM volunteers`))[0].n);

  it('shows each row of a Shift_JIS register in a dry run, with the reasons of the bad ones, and writes nothing', async () => {
    const before = await countResidents();
    const { run, rows } = await importFile(coordinator, iconv.encode(REGISTER, 'Shift_JIS'), {
      kind: 'residents',
    });

    expect(run).toMatchObject({
      status: 'previewed',
      encoding: 'shift_jis',
      totalRows: 6,
      processedRows: 6,
      unknownColumns: ['備考'],
      counts: { created: 2, updated: 0, unchanged: 0, rejected: 4 },
    });
    const byLine = Object.fromEntries(rows.map((row: { line: number }) => [row.line, row]));
    expect(byLine[2].outcome).toBe('created');
    expect(byLine[3].outcome).toBe('created');
    expect(byLine[4].reasons).toEqual([
      { column: '地区', code: 'validation.unknownDistrict', message: '存在しない地区です: 火星' },
    ]);
    expect(byLine[5].reasons.map((r: { column: string; code: string }) => [r.column, r.code])).toEqual([
      ['分野', 'import.fieldNotSkill'],
      ['ふりがな', 'validation.isKana'],
    ]);
    expect(byLine[6].reasons).toEqual([
      {
        column: 'メールアドレス',
        code: 'import.emailToCreate',
        message: '新しく登録するにはメールアドレスが必要です。',
      },
    ]);
    expect(byLine[7].reasons[0]).toMatchObject({
      code: 'import.sameAsLine',
      message: '2 行目と同じ人・依頼です。',
    });
    expect(await countResidents()).toBe(before);
  });

  it('applies the file it previewed, creating each good resident once, pending review with no consent; a second import changes nothing', async () => {
    const file = iconv.encode(REGISTER, 'Shift_JIS');
    const preview = await importFile(coordinator, file, { kind: 'residents' });
    await t.as(coordinator).post(`/registers/imports/${preview.run.id}/apply`).expect(202);
    await waitUntilDrained(registers, 120_000);
    const applied = await finished(coordinator, preview.run.id);
    expect(applied.run).toMatchObject({
      status: 'applied',
      dryRun: false,
      counts: { created: 2, rejected: 4 },
    });

    const [hanako] = await t.dataSource.query(
      `SELECT v.name, v.name_kana, v.phone, v.email, v.home_district_code, v.status, v.consent_version,
              v.online_available, v.listed_publicly, v.languages,
              (SELECT json_agg(json_build_object('code', s.skill_code, 'level', s.level) ORDER BY s.skill_code)
                 FROM volunteer_skills s WHERE s.volunteer_id = v.id) AS skills
         FROM volunteers v WHERE v.email = 'hanako@example.jp'`,
    );
    expect(hanako).toEqual({
      name: '山田 花子',
      name_kana: 'ヤマダ ハナコ',
      phone: '0246-22-1111',
      email: 'hanako@example.jp',
      home_district_code: 'taira',
      status: 'pending_review',
      consent_version: null,
      online_available: true,
      listed_publicly: false,
      languages: ['ja', 'en'],
      skills: [
        { code: 'history.calligraphy', level: 4 },
        { code: 'history.tea-ceremony', level: 3 },
      ],
    });

    const again = await importFile(coordinator, file, { kind: 'residents', dryRun: 'false' });
    expect(again.run.counts).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 4 });
    const named = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM volunteers WHERE email IN ('hanako@example.jp', 'ichiro@example.jp')`,
    );
    expect(named[0].n).toBe(2);
  });

  it('reads UTF-8 with and without a BOM, and updates only what changed', async () => {
    const rows = [
      '氏名,ふりがな,電話番号,メールアドレス,地区,分野',
      '中村 五郎,なかむら ごろう,0246-66-7777,goro@example.jp,taira,書道',
    ].join('\n');
    const plain = await importFile(cityOffice, Buffer.from(rows, 'utf8'), {
      kind: 'residents',
      dryRun: 'false',
    });
    expect(plain.run).toMatchObject({ encoding: 'utf-8', counts: { created: 1 } });

    const changed = rows.replace('書道', '書道(5)');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(changed, 'utf8')]);
    const update = await importFile(cityOffice, withBom, { kind: 'residents', dryRun: 'false' });
    expect(update.run.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(update.rows[0].changedColumns).toEqual(['分野']);
    const [goro] = await t.dataSource.query(
      `SELECT s.level FROM volunteer_skills s JOIN volunteers v ON v.id = s.volunteer_id WHERE v.email = 'goro@example.jp'`,
    );
    expect(goro.level).toBe(5);
  });

  it("rejects a coordinator's rows for districts they do not cover, in English when asked", async () => {
    const rows = [
      'name,nameKana,phone,email,homeDistrictCode',
      '小林 六郎,こばやし ろくろう,0246-77-8888,rokuro@example.jp,onahama',
    ].join('\n');
    const { rows: result } = await importFile(
      tairaCoordinator,
      Buffer.from(rows),
      { kind: 'residents' },
      'en',
    );
    expect(result[0]).toMatchObject({
      outcome: 'rejected',
      reasons: [{ column: 'homeDistrictCode', message: 'This is outside the districts you cover.' }],
    });
  });

  it('answers 400 for no file, a wrong kind, an undecodable file and a missing column', async () => {
    const noFile = await upload(coordinator, undefined, { kind: 'residents' }).expect(400);
    expect(noFile.body.details).toEqual([
      expect.objectContaining({ field: 'file', code: 'validation.isDefined' }),
    ]);
    const wrongKind = await upload(coordinator, Buffer.from(HEADER), { kind: 'volunteers' }).expect(400);
    expect(wrongKind.body.details[0]).toMatchObject({ field: 'kind', code: 'validation.isIn' });
    const notUtf8 = await upload(coordinator, iconv.encode(REGISTER, 'Shift_JIS'), {
      kind: 'residents',
      encoding: 'utf-8',
    }).expect(400);
    expect(notUtf8.body.details[0]).toMatchObject({ field: 'file', code: 'import.undecodable' });
    const missing = await upload(coordinator, Buffer.from('氏名,電話番号\n山田,0246\n'), {
      kind: 'residents',
    }).expect(400);
    expect(missing.body.details.map((d: { params?: unknown; message: string }) => d.message)).toEqual([
      '必須の列「ふりがな」がありません。',
      '必須の列「地区」がありません。',
    ]);
    await upload(schoolStaff, Buffer.from(HEADER), { kind: 'residents' }).expect(403);
  });
  /** A day about two months ahead, as Excel writes it: 2027/5/10. */
  const dayAhead = (days: number) => {
    const day = new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000);
    return `${day.getUTCFullYear()}/${day.getUTCMonth() + 1}/${day.getUTCDate()}`;
  };

  it("imports the city's list of requests as drafts once, keyed by its reference number", async () => {
    const list = [
      '依頼番号,学校名,種別,件名,開始,終了,場所,地区,人数,必要な技能,締切,学校種別,学年,教科,児童生徒数',
      `Ｒ０７－００１,いわき市立平第一小学校,学校,昔遊びを教えてください,${dayAhead(60)} 10:40,12:15,体育館,平,２,昔遊び,${dayAhead(40)},小学校,１,生活,３０`,
      `R07-002,いわき市立平第一小学校,学校,書道の授業,${dayAhead(61)} 10:40-12:15,,教室,平,1,書道(3),${dayAhead(40)},小学校,3,国語,25`,
      `R07-003,平第九十九小学校,学校,未登録の学校,${dayAhead(61)} 10:40,12:15,教室,平,1,書道,${dayAhead(40)},小学校,3,国語,25`,
      `R07-004,いわき市立平第一小学校,講座,日付がない,,,,平,1,書道,${dayAhead(40)},,,,`,
    ].join('\r\n');
    const file = iconv.encode(list, 'Shift_JIS');
    const first = await importFile(coordinator, file, { kind: 'requests', dryRun: 'false' });
    expect(first.run.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(first.rows[2].reasons[0]).toMatchObject({ column: '学校名', code: 'import.unknownOrganisation' });
    expect(first.rows[3].reasons.map((r: { column: string }) => r.column)).toEqual(
      expect.arrayContaining(['開始', '定員']),
    );
    const [request] = await t.dataSource.query(
      `SELECT r.status, r.need, r.details, x.reference,
              to_char(s.starts_at AT TIME ZONE 'Asia/Tokyo', 'HH24:MI') AS starts,
              to_char(s.ends_at AT TIME ZONE 'Asia/Tokyo', 'HH24:MI') AS ends
         FROM requests r JOIN imported_request_refs x ON x.request_id = r.id JOIN request_slots s ON s.request_id = r.id
        WHERE r.title = '昔遊びを教えてください'`,
    );
    expect(request).toMatchObject({
      status: 'draft',
      need: 2,
      reference: 'R07-001',
      starts: '10:40',
      ends: '12:15',
      details: { role: 'guest_teacher', schoolLevel: 'elementary', grade: 1, subject: '生活', pupils: 30 },
    });

    const again = await importFile(coordinator, file, { kind: 'requests', dryRun: 'false' });
    expect(again.run.counts).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 2 });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM imported_request_refs`);
    expect(n).toBe(2);
  });

  it('works through a larger file as a job, recording progress and every row', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 400; i += 1) {
      lines.push(`住民 ${i},じゅうみん,0246-10-${String(1000 + i)},resident${i}@example.jp,平,書道,,,,`);
    }
    const { run, rows } = await importFile(coordinator, iconv.encode(lines.join('\r\n'), 'Shift_JIS'), {
      kind: 'residents',
    });
    expect(run).toMatchObject({
      status: 'previewed',
      totalRows: 400,
      processedRows: 400,
      counts: { created: 400 },
    });
    const [{ recorded }] = await t.dataSource.query(
      `SELECT count(*)::int AS recorded FROM import_run_rows WHERE run_id = $1`,
      [run.id],
    );
    expect(recorded).toBe(400);
    expect(rows[99].line).toBe(101);
  });

  const download = (persona: Persona, path: string, language = 'ja') =>
    request(t.app.getHttpServer())
      .get(`/api/v1/registers/exports/${path}`)
      .set('Authorization', `Bearer ${t.sessionOf(persona)}`)
      .set('Accept-Language', language)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it("exports the resident register for Excel: UTF-8 with a BOM, or Shift_JIS, CRLF, headings in the reader's language", async () => {
    const utf8 = await download(cityOffice, 'residents.csv').expect(200);
    const bytes = utf8.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const [heading, ...lines] = text.split('\r\n');
    expect(heading).toBe(
      '氏名,ふりがな,電話番号,メールアドレス,地区,分野,言語,オンライン可,公開可,月の上限,状態,登録日時',
    );
    expect(lines.find((line) => line.startsWith('山田 花子'))).toMatch(
      /^山田 花子,ヤマダ ハナコ,0246-22-1111,hanako@example.jp,平,茶道\(3\)、書道\(4\),ja、en,可,不可,2,審査待ち,\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/,
    );

    const sjis = await download(coordinator, 'residents.csv?encoding=shift_jis', 'en').expect(200);
    expect(sjis.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    const decoded = iconv.decode(sjis.body as Buffer, 'cp932');
    expect(decoded.split('\r\n')[0]).toBe(
      'Name,Name (kana),Phone,Email,District,Skills,Languages,Online,Public listing,Monthly limit,Status,Registered at',
    );
    expect(decoded).toContain('鈴木 一郎,すずき いちろう,090-1234-5678,ichiro@example.jp,Onahama');
  });

  it('exports only what the caller may see', async () => {
    const taira = iconv.decode(
      (await download(tairaCoordinator, 'residents.csv').expect(200)).body as Buffer,
      'utf8',
    );
    expect(taira).toContain('山田 花子');
    expect(taira).not.toContain('鈴木 一郎');
    await download(schoolStaff, 'residents.csv').expect(403);

    const own = iconv.decode(
      (await download(schoolStaff, 'requests.csv').expect(200)).body as Buffer,
      'utf8',
    );
    expect(own).toContain('R07-001,いわき市立平第一小学校,学校,昔遊びを教えてください');
    const other = iconv.decode(
      (await download(otherSchoolStaff, 'requests.csv').expect(200)).body as Buffer,
      'utf8',
    );
    expect(other.trim().split('\r\n')).toHaveLength(1);
    await download(schoolStaff, 'requests.csv?encoding=latin1').expect(400);
  });
});
