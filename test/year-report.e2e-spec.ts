import { parse } from 'csv-parse/sync';
import { MATCHING_JOB_OPTIONS } from '../src/matching/matching.jobs.js';
import { cityOffice, otherSchoolStaff, tairaCoordinator } from './factories/personas.js';
import { acceptedProposal, proposalFor } from './factories/proposal.factory.js';
import {
  courseInput,
  familySupportInput,
  openRequest,
  schoolStaff,
  schoolVisitInput,
} from './factories/request.factory.js';
import { slot, upcoming } from './factories/time.js';
import { activeVolunteer, coordinator, type SignedInResident } from './factories/volunteer.factory.js';
import { binary, pdfPages } from './setup/pdf.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

/** What the test itself knows it made: an activity's place in the year, and how it was rated. */
interface Seeded {
  resident: string;
  day: string;
  district: string;
  field: string;
  hours: number;
  ratings: { side: 'volunteer' | 'requester'; rating: number; comment?: string }[];
}

type Outcome = 'filled' | 'cancelled' | 'expiredNotTaken' | 'expiredNoCandidate' | 'stillOpen';
interface SeededRequest {
  day: string;
  district: string;
  field: string;
  outcome: Outcome;
}

const fiscalYearOf = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 4 ? 1 : 0);
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Gini by its definition: mean absolute difference over all ordered pairs, over twice the mean. */
function giniByDefinition(counts: number[]): number {
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  let differences = 0;
  for (const a of counts) for (const b of counts) differences += Math.abs(a - b);
  return differences / (counts.length * counts.length) / (2 * mean);
}

describe("The year's report (年次実施報告) and participation certificates (活動証明書)", () => {
  let t: TestApp;
  let year: number;
  let hanako: SignedInResident;
  let kenji: SignedInResident;
  let akiko: SignedInResident;
  let yuko: SignedInResident;
  const activities: Seeded[] = [];
  const requests: SeededRequest[] = [];

  /** Runs a request's accepted proposal to its end: hours, then each side's rating. */
  async function complete(
    resident: SignedInResident,
    requestId: string,
    seeded: Omit<Seeded, 'resident'>,
  ): Promise<void> {
    const proposal = await acceptedProposal(t.as, requestId, resident);
    t.clock.travelTo(
      proposal.request.slots
        .map((s) => s.endsAt)
        .sort()
        .at(-1)!,
    );
    await t.as(schoolStaff).post(`/proposals/${proposal.id}/complete`, { hours: seeded.hours }).expect(200);
    for (const { side, rating, comment } of seeded.ratings) {
      await t
        .as(side === 'requester' ? schoolStaff : resident)
        .post(`/proposals/${proposal.id}/feedback`, { rating, ...(comment ? { comment } : {}) })
        .expect(201);
    }
    t.clock.backToNow();
    activities.push({ resident: resident.id, ...seeded });
  }

  beforeAll(async () => {
    t = await startTestApp();
    hanako = await activeVolunteer(t.as, { name: '鈴木 花子' });
    kenji = await activeVolunteer(t.as, {
      name: '小野 健二',
      homeDistrictCode: 'onahama',
      skills: [{ skillCode: 'family.childcare', level: 3 }],
      availability: [{ weekday: 4, startTime: '18:00', endTime: '21:00' }],
    });
    akiko = await activeVolunteer(t.as, {
      name: '内田 明子',
      homeDistrictCode: 'uchigo',
      skills: [{ skillCode: 'it.smartphone', level: 5 }],
      availability: [{ weekday: 3, startTime: '09:00', endTime: '17:00' }],
    });
    // An active resident who gets no activity: the spread of chances counts them as 0.
    yuko = await activeVolunteer(t.as, {
      name: '昔 遊子',
      skills: [{ skillCode: 'history.old-games', level: 3 }],
      availability: [{ weekday: 5, startTime: '09:00', endTime: '17:00' }],
    });

    // Hanako teaches first aid twice, in two different months.
    const firstDay = upcoming(2, 2);
    const secondDay = upcoming(2, 7);
    const first = await openRequest(t.as, schoolVisitInput());
    const second = await openRequest(
      t.as,
      schoolVisitInput({
        title: '6年生 防災教室',
        slots: [slot(secondDay, '10:40', '12:15')],
        deadline: `${upcoming(2, 6)}T17:00:00+09:00`,
      }),
    );
    const childcare = await openRequest(t.as, familySupportInput());
    const course = await openRequest(t.as, courseInput());
    // Nobody in the register plays old games at level 5: the worker finds no one before the deadline.
    const noCandidate = await openRequest(
      t.as,
      schoolVisitInput({
        title: '昔遊び名人',
        requiredSkills: [{ skillCode: 'history.old-games', minLevel: 5 }],
        slots: [slot(upcoming(5, 3), '10:00', '11:00')],
        deadline: `${upcoming(5, 1)}T17:00:00+09:00`,
      }),
    );
    // Someone is proposed, but nobody approves them before the deadline.
    const notTaken = await openRequest(
      t.as,
      schoolVisitInput({
        title: 'お手玉あそび',
        requiredSkills: [{ skillCode: 'history.old-games', minLevel: 3 }],
        slots: [slot(upcoming(5, 3), '13:00', '14:00')],
        deadline: `${upcoming(5, 1)}T17:00:00+09:00`,
      }),
    );
    const cancelled = await openRequest(
      t.as,
      schoolVisitInput({ title: '中止になった授業', slots: [slot(upcoming(2, 4), '09:00', '10:00')] }),
    );
    const stillOpen = await openRequest(
      t.as,
      schoolVisitInput({
        title: '先の授業',
        need: 3,
        slots: [slot(upcoming(4, 9), '10:00', '11:00')],
        deadline: `${upcoming(4, 8)}T17:00:00+09:00`,
      }),
    );
    await t.drainQueue();
    await proposalFor(t.as, notTaken, yuko);

    await complete(hanako, first, {
      day: firstDay,
      district: 'taira',
      field: 'disaster',
      hours: 1.5,
      ratings: [
        { side: 'requester', rating: 2, comment: 'もう少し時間がほしかった' },
        { side: 'volunteer', rating: 5 },
      ],
    });
    await complete(hanako, second, {
      day: secondDay,
      district: 'taira',
      field: 'disaster',
      hours: 1,
      ratings: [{ side: 'requester', rating: 4, comment: 'とても分かりやすかった' }],
    });
    await complete(kenji, childcare, {
      day: upcoming(4),
      district: 'onahama',
      field: 'family',
      hours: 1.25,
      ratings: [{ side: 'volunteer', rating: 3, comment: '会場の駐車場が分かりにくい' }],
    });
    await complete(akiko, course, {
      day: upcoming(3),
      district: 'uchigo',
      field: 'it',
      hours: 6,
      ratings: [
        { side: 'requester', rating: 5 },
        { side: 'volunteer', rating: 4 },
      ],
    });
    await t.as(schoolStaff).post(`/requests/${cancelled}/cancel`, { reason: '学級閉鎖' }).expect(200);
    // The worker's sweep, just after the old-games deadlines (and before the far one's).
    t.clock.travelTo(new Date(new Date(`${upcoming(5, 1)}T17:00:00+09:00`).getTime() + 60_000));
    await t.queue.add('sweep', {}, { ...MATCHING_JOB_OPTIONS, jobId: 'sweep-after-deadlines' });
    await t.drainQueue();
    t.clock.backToNow();
    const proposalsFor = async (id: string) =>
      (await t.as(coordinator).get(`/requests/${id}/proposals`).expect(200)).body.items;
    expect(await proposalsFor(noCandidate)).toEqual([]);
    expect((await t.as(schoolStaff).get(`/requests/${stillOpen}`).expect(200)).body.status).toBe('open');

    requests.push(
      { day: firstDay, district: 'taira', field: 'disaster', outcome: 'filled' },
      { day: secondDay, district: 'taira', field: 'disaster', outcome: 'filled' },
      { day: upcoming(4), district: 'onahama', field: 'family', outcome: 'filled' },
      { day: upcoming(3), district: 'uchigo', field: 'it', outcome: 'filled' },
      { day: upcoming(5, 3), district: 'taira', field: 'history', outcome: 'expiredNoCandidate' },
      { day: upcoming(5, 3), district: 'taira', field: 'history', outcome: 'expiredNotTaken' },
      { day: upcoming(2, 4), district: 'taira', field: 'disaster', outcome: 'cancelled' },
      { day: upcoming(4, 9), district: 'taira', field: 'disaster', outcome: 'stillOpen' },
    );
    year = fiscalYearOf(firstDay);
  }, 120_000);
  afterAll(() => t.close());

  /** The figures the report should show for the year, worked out from what this test made. */
  function expected(filter: { district?: string; field?: string } = {}) {
    const inScope = <T extends { day: string; district: string; field: string }>(row: T) =>
      fiscalYearOf(row.day) === year &&
      (!filter.district || row.district === filter.district) &&
      (!filter.field || row.field === filter.field);
    const done = activities.filter(inScope);
    const figures = (rows: Seeded[]) => {
      const ratings = rows.flatMap((row) => row.ratings.map((r) => r.rating));
      return {
        activities: rows.length,
        hours: rows.reduce((sum, row) => sum + row.hours, 0),
        residents: new Set(rows.map((row) => row.resident)).size,
        averageRating: ratings.length ? round2(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
        ratings: ratings.length,
      };
    };
    const groups = (key: (row: Seeded) => string) =>
      Object.fromEntries(
        [...new Set(done.map(key))].map((value) => [
          value,
          figures(done.filter((row) => key(row) === value)),
        ]),
      );
    const opened = requests.filter(inScope);
    const outcomes = (rows: SeededRequest[]) => ({
      opened: rows.length,
      filled: rows.filter((row) => row.outcome === 'filled').length,
      partlyFilled: 0,
      cancelled: rows.filter((row) => row.outcome === 'cancelled').length,
      expiredNotTaken: rows.filter((row) => row.outcome === 'expiredNotTaken').length,
      expiredNoCandidate: rows.filter((row) => row.outcome === 'expiredNoCandidate').length,
      stillOpen: rows.filter((row) => row.outcome === 'stillOpen').length,
    });
    const all = figures(done);
    return {
      totals: { activities: all.activities, hours: all.hours, residents: all.residents },
      byField: groups((row) => row.field),
      byDistrict: groups((row) => row.district),
      byMonth: groups((row) => row.day.slice(0, 7)),
      requests: outcomes(opened),
      requestsByDistrict: Object.fromEntries(
        [...new Set(opened.map((row) => row.district))].map((district) => [
          district,
          outcomes(opened.filter((row) => row.district === district)),
        ]),
      ),
      comments: done
        .flatMap((row) => row.ratings)
        .filter((rating) => rating.rating <= 3 && rating.comment)
        .map((rating) => rating.comment)
        .sort(),
    };
  }

  const keyed = <T extends Record<string, unknown>>(rows: T[], key: keyof T) =>
    Object.fromEntries(rows.map(({ [key]: value, ...rest }) => [value as string, rest]));

  it('counts activities, hours, residents and ratings by field, district and month of the year', async () => {
    const { body } = await t.as(cityOffice).get(`/reports/fiscal-year?year=${year}`).expect(200);
    const want = expected();
    expect(body.scope).toEqual({ districtCodes: null, fieldCode: null });
    expect(body.totals).toMatchObject({ ...want.totals, firstTimeResidents: want.totals.residents });
    expect(keyed(body.byField, 'fieldCode')).toEqual(want.byField);
    expect(keyed(body.byDistrict, 'districtCode')).toEqual(want.byDistrict);
    expect(body.byMonth).toHaveLength(12);
    const months = keyed(body.byMonth, 'month');
    for (const [month, figures] of Object.entries(want.byMonth)) expect(months[month]).toEqual(figures);
    const quiet = body.byMonth.filter((row: { month: string }) => !(row.month in want.byMonth));
    expect(quiet.every((row: { activities: number; averageRating: null }) => row.activities === 0)).toBe(
      true,
    );
  });

  it('spreads chances over every active resident, and lists the low-rated comments to act on', async () => {
    const { body } = await t.as(cityOffice).get(`/reports/fiscal-year?year=${year}`).expect(200);
    const counts = [hanako, kenji, akiko, yuko].map(
      ({ id }) => activities.filter((row) => row.resident === id && fiscalYearOf(row.day) === year).length,
    );
    expect(body.spread.gini).toBeCloseTo(giniByDefinition(counts), 4);
    const histogram = Object.fromEntries(
      body.spread.histogram.map((bucket: { activities: string; residents: number }) => [
        bucket.activities,
        bucket.residents,
      ]),
    );
    for (const n of [0, 1, 2])
      expect(histogram[String(n)]).toBe(counts.filter((count) => count === n).length);
    expect(body.commentsToActOn.map((comment: { comment: string }) => comment.comment).sort()).toEqual(
      expected().comments,
    );
    expect(body.commentsToActOn).toContainEqual(
      expect.objectContaining({
        comment: '会場の駐車場が分かりにくい',
        fieldCode: 'family',
        districtCode: 'onahama',
      }),
    );
  });

  it('says what became of every request: filled, cancelled, expired with or without candidates, still open', async () => {
    const { body } = await t.as(cityOffice).get(`/reports/fiscal-year?year=${year}`).expect(200);
    const want = expected();
    expect(body.requests.totals).toEqual(want.requests);
    expect(keyed(body.requests.byDistrict, 'districtCode')).toEqual(want.requestsByDistrict);
    const monthly = body.requests.byMonth.reduce(
      (sum: number, row: { opened: number }) => sum + row.opened,
      0,
    );
    expect(monthly).toBe(want.requests.opened);
  });

  it('narrows to one district or one field, and refuses codes it does not know', async () => {
    const taira = await t
      .as(cityOffice)
      .get(`/reports/fiscal-year?year=${year}&districtCode=taira`)
      .expect(200);
    expect(taira.body.scope).toEqual({ districtCodes: ['taira'], fieldCode: null });
    expect(taira.body.totals).toMatchObject(expected({ district: 'taira' }).totals);
    expect(taira.body.requests.totals).toEqual(expected({ district: 'taira' }).requests);
    const family = await t
      .as(cityOffice)
      .get(`/reports/fiscal-year?year=${year}&fieldCode=family`)
      .expect(200);
    expect(family.body.totals).toMatchObject(expected({ field: 'family' }).totals);
    expect(family.body.commentsToActOn.map((c: { comment: string }) => c.comment)).toEqual(
      expected({ field: 'family' }).comments,
    );

    const unknown = await t
      .as(cityOffice)
      .get(`/reports/fiscal-year?year=${year}&districtCode=atlantis&fieldCode=alchemy`)
      .expect(400);
    expect(unknown.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'districtCode',
      'fieldCode',
    ]);
    await t.as(cityOffice).get(`/reports/fiscal-year.csv?year=${year}&fieldCode=alchemy`).expect(400);
  });

  it('shows a coordinator of some districts only theirs; requesters and residents see no report', async () => {
    const { body } = await t.as(tairaCoordinator).get(`/reports/fiscal-year?year=${year}`).expect(200);
    expect(body.scope.districtCodes).toEqual(['taira']);
    expect(body.totals).toMatchObject(expected({ district: 'taira' }).totals);
    const outside = await t
      .as(tairaCoordinator)
      .get(`/reports/fiscal-year?year=${year}&districtCode=onahama`)
      .expect(400);
    expect(outside.body.details[0]).toMatchObject({ field: 'districtCode' });
    await t.as(coordinator).get(`/reports/fiscal-year?year=${year}&districtCode=onahama`).expect(200);
    await t.as(schoolStaff).get(`/reports/fiscal-year?year=${year}`).expect(403);
    await t.as(hanako).get(`/reports/fiscal-year.pdf?year=${year}`).expect(403);
  });

  it('gives the same figures as an Excel-friendly CSV: BOM, CRLF, sections under Japanese headings', async () => {
    const response = await t
      .as(cityOffice)
      .get(`/reports/fiscal-year.csv?year=${year}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toContain(`talent-bank-year-report-${year}.csv`);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').length).toBeGreaterThan(40);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const rows: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
    expect(rows[0][0]).toBe(`令和${year - 2018}年度 人材バンク 年次実施報告（${year}年度）`);
    const section = (heading: string) => {
      const start = rows.findIndex((row) => row[0] === `■${heading}`);
      expect(start).toBeGreaterThan(0);
      const end = rows.findIndex((row, i) => i > start && row[0].startsWith('■'));
      const [headers, ...body] = rows.slice(start + 1, end);
      return body.map((row) => Object.fromEntries(headers.map((header, i) => [header, row[i]])));
    };
    const want = expected();
    const summary = Object.fromEntries(section('概要').map((row) => [row['項目'], Number(row['値'])]));
    expect(summary).toMatchObject({
      活動件数: want.totals.activities,
      '活動時間（時間）': want.totals.hours,
      活動した登録者数: want.totals.residents,
      依頼数: want.requests.opened,
    });
    for (const row of section('地区別の活動')) {
      const figures = want.byDistrict[row['地区コード']];
      expect([Number(row['活動件数']), Number(row['活動時間']), Number(row['活動した登録者数'])]).toEqual([
        figures.activities,
        figures.hours,
        figures.residents,
      ]);
    }
    expect(section('地区別の活動').map((row) => row['地区'])).toContain('平');
    const monthName = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
    const monthly = Object.fromEntries(
      section('月別の活動').map((row) => [row['月'], Number(row['活動件数'])]),
    );
    for (const [month, figures] of Object.entries(want.byMonth))
      expect(monthly[monthName(month)]).toBe(figures.activities);
    const [outcomes] = section('依頼の結果');
    expect(Number(outcomes['期限切れ（候補者なし）'])).toBe(want.requests.expiredNoCandidate);
    expect(Number(outcomes['中止'])).toBe(want.requests.cancelled);
    expect(
      section('改善要望（評価3以下のコメント）')
        .map((row) => row['コメント'])
        .sort(),
    ).toEqual(want.comments);
  });

  it('prints the report as an A4 PDF with its Japanese title, tables and charts', async () => {
    const response = await t
      .as(cityOffice)
      .get(`/reports/fiscal-year.pdf?year=${year}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfPages(response.body as Buffer, 'year-report');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page.pngBytes).toBeGreaterThan(2_000);
    expect(pages[0].inked).toBeGreaterThan(0.01);
    expect(text).toContain(`令和${year - 2018}年度 人材バンク 年次実施報告（${year}年度）`);
    expect(text).toContain('月別の活動件数');
    expect(text.replace(/\s+/g, '')).toContain('会場の駐車場が分かりにくい');
    console.log(`year report pages: ${pages.map((page) => page.png).join(' ')}`);
  }, 60_000);

  it('certifies a resident’s completed activities and total hours in a period (活動証明書)', async () => {
    const from = upcoming(1, 0);
    const to = upcoming(1, 20);
    const response = await t
      .as(hanako)
      .get(`/volunteers/${hanako.id}/certificate.pdf?from=${from}&to=${to}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const { pages, text } = await pdfPages(response.body as Buffer, 'certificate');
    expect(pages).toHaveLength(1);
    expect(pages[0].inked).toBeGreaterThan(0.005);
    const hers = activities.filter((row) => row.resident === hanako.id);
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('活動証明書');
    expect(compact).toContain('鈴木花子');
    expect(compact).toContain('いわき市生涯学習課');
    expect(compact).toContain('5年生応急手当教室');
    expect(compact).toContain('6年生防災教室');
    expect(compact).toContain('いわき市立平第一小学校');
    expect(compact).toContain(`活動件数${hers.length}件`);
    expect(compact).toContain(`合計${hers.reduce((sum, row) => sum + row.hours, 0)}時間`);
    expect(compact).toMatch(/令和\d+年\d+月\d+日（20\d\d年\d+月\d+日）/);
    console.log(`certificate page: ${pages[0].png}`);
  }, 60_000);

  it('gives the certificate to the resident and the staff covering them, and to nobody else', async () => {
    const path = (resident: SignedInResident) => `/volunteers/${resident.id}/certificate.pdf`;
    await t.as(cityOffice).get(path(kenji)).expect(200);
    await t.as(coordinator).get(path(kenji)).expect(200);
    await t.as(tairaCoordinator).get(path(hanako)).expect(200);
    await t.as(tairaCoordinator).get(path(kenji)).expect(404);
    await t.as(hanako).get(path(kenji)).expect(404);
    await t.as(otherSchoolStaff).get(path(hanako)).expect(403);
    const backwards = await t
      .as(hanako)
      .get(`${path(hanako)}?from=2027-03-01&to=2026-04-01`)
      .expect(400);
    expect(backwards.body.details[0].field).toBe('to');
  }, 60_000);
});
