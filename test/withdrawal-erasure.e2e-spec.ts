import { Redis } from 'ioredis';
import { PASSWORD } from './factories/account.factory.js';
import { openRequest, schoolStaff, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { startTestApp, type TestApp } from './setup/test-app.js';

/** Every value of every text-like column of every table, that contains `needle`, as `table.column`. */
async function columnsHolding(t: TestApp, needle: string): Promise<string[]> {
  const columns: { table_name: string; column_name: string }[] = await t.dataSource.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'migrations'
        AND (data_type IN ('text', 'character varying', 'jsonb', 'json') OR udt_name = '_text')`,
  );
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM "${table}" WHERE "${column}"::text ILIKE $1`,
      [`%${needle}%`],
    );
    if (count > 0) found.push(`${table}.${column}`);
  }
  return found;
}

/** Everything Redis holds under the app's prefix (queued and finished jobs, counters), as one string. */
async function everythingInRedis(t: TestApp): Promise<string> {
  const redis = new Redis(t.config.REDIS_URL);
  try {
    const keys = await redis.keys(`${t.config.QUEUE_PREFIX}*`);
    const values = await Promise.all(
      keys.map(async (key) => {
        const type = await redis.type(key);
        if (type === 'hash') return JSON.stringify(await redis.hgetall(key));
        if (type === 'list') return (await redis.lrange(key, 0, -1)).join('\n');
        if (type === 'zset') return (await redis.zrange(key, 0, -1)).join('\n');
        if (type === 'set') return (await redis.smembers(key)).join('\n');
        if (type === 'stream') return JSON.stringify(await redis.xrange(key, '-', '+'));
        return (await redis.get(key)) ?? '';
      }),
    );
    return [...keys, ...values].join('\n');
  } finally {
    redis.disconnect();
  }
}

describe('A resident withdrawing from the talent bank', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.backToNow());

  it('is erased at once everywhere, while their past activity stays as anonymous figures', async () => {
    const personal = {
      name: '渡辺 真理子',
      nameKana: 'わたなべ まりこ',
      email: 'mariko.watanabe.withdraws@example.jp',
      phone: '080-9876-5432',
      outcome: '救急法救急員（渡辺）',
      note: '元看護師・渡辺',
    };
    const mariko = await activeVolunteer(t.as, {
      name: personal.name,
      nameKana: personal.nameKana,
      email: personal.email,
      phone: personal.phone,
      skills: [{ skillCode: 'disaster.first-aid', level: 5, note: personal.note }],
      learningOutcomes: [
        { kind: 'certificate', title: personal.outcome, skillCodes: ['disaster.first-aid'] },
      ],
    });
    // A past activity, with feedback that names her.
    const pastRequest = await openRequest(t.as, schoolVisitInput());
    await t.drainQueue();
    const [proposal] = (await t.as(coordinator).get(`/requests/${pastRequest}/proposals`).expect(200)).body
      .items;
    await t.as(coordinator).get(`/volunteers/${mariko.id}`).expect(200);
    await t.as(coordinator).post(`/proposals/${proposal.id}/approve`).expect(200);
    await t.as(mariko).post(`/proposals/${proposal.id}/accept`).expect(200);
    const request = await t.as(schoolStaff).get(`/requests/${pastRequest}`).expect(200);
    t.clock.travelTo(request.body.slots[0].endsAt);
    await t.as(schoolStaff).post(`/proposals/${proposal.id}/complete`, { hours: 1.5 }).expect(200);
    await t
      .as(schoolStaff)
      .post(`/proposals/${proposal.id}/feedback`, {
        rating: 5,
        comment: `${personal.name}さんの説明が好評でした`,
      })
      .expect(201);
    t.clock.backToNow();
    // A request still looking for her, and a wrong password tried on her account.
    const openOne = await openRequest(t.as, schoolVisitInput({ title: '6年生 救命講習' }));
    await t.drainQueue();
    await t.as().post('/auth/login', { email: personal.email, password: 'not hers' }).expect(401);

    const withdrawn = await t.as(mariko).post(`/volunteers/${mariko.id}/withdraw`, {}).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', name: '退会者', phone: '' });
    await t.drainQueue();

    await t.as(mariko).get('/auth/me').expect(401);
    await t.as().post('/auth/login', { email: personal.email, password: PASSWORD }).expect(401);
    for (const value of Object.values(personal)) {
      expect({ value, columns: await columnsHolding(t, value) }).toEqual({ value, columns: [] });
    }
    const redis = await everythingInRedis(t);
    expect(redis.length).toBeGreaterThan(0);
    for (const value of Object.values(personal)) expect(redis).not.toContain(value);

    const [figures] = await t.dataSource.query(
      `SELECT v.status, v.home_district_code, p.status AS activity, p.hours::float AS hours, f.rating, r.kind
         FROM volunteers v JOIN proposals p ON p.volunteer_id = v.id JOIN requests r ON r.id = p.request_id
         JOIN feedback f ON f.proposal_id = p.id
        WHERE v.id = $1`,
      [mariko.id],
    );
    expect(figures).toEqual({
      status: 'withdrawn',
      home_district_code: 'taira',
      activity: 'completed',
      hours: 1.5,
      rating: 5,
      kind: 'school_visit',
    });
    const stillOpen = await t.as(coordinator).get(`/requests/${openOne}/proposals`).expect(200);
    expect(
      stillOpen.body.items.map((item: { volunteer: { id: string } }) => item.volunteer.id),
    ).not.toContain(mariko.id);
  });
});
