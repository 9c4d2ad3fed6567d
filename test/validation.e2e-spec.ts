import {
  courseInput,
  familySupportInput,
  openRequest,
  schoolStaff,
  schoolVisitInput,
} from './factories/request.factory.js';
import { PASSWORD } from './factories/account.factory.js';
import { addDays, slot, upcoming } from './factories/time.js';
import {
  activeVolunteer,
  coordinator,
  volunteerInput,
  type SignedInResident,
} from './factories/volunteer.factory.js';
import { startTestApp, type ApiClient, type TestApp } from './setup/test-app.js';

/**
 * Bad input on every write endpoint: a 400 whose `details` name exactly the fields at fault, and not a row
 * written, changed or queued anywhere. Each case states only what is wrong with an otherwise valid call.
 */

type Call = ReturnType<ApiClient['post']>;
/** A field the error must name, with the catalogue code it must carry (any code when left out). */
type Problem = [field: string, code?: string];

interface BadCall {
  name: string;
  send: () => Call;
  problems: Problem[];
}

const TABLES = [
  'volunteers',
  'volunteer_skills',
  'availability_windows',
  'requests',
  'request_slots',
  'request_skills',
  'proposals',
  'bookings',
  'feedback',
  'audit_entries',
] as const;
type Table = (typeof TABLES)[number];
type TableState = { n: number; digest: string };

const UNKNOWN_SKILL = 'magic.levitation';
const UNKNOWN_DISTRICT = 'atlantis';
const NOT_A_UUID = 'not-a-uuid';
const TOO_LONG_REASON = 'あ'.repeat(1001);

/** A sign-up: a resident's profile with the password for their account. */
const withPassword = (overrides: Parameters<typeof volunteerInput>[0]) => ({
  ...volunteerInput(overrides),
  password: PASSWORD,
});

describe('Bad input on a write endpoint is refused with 400 naming the fields, and nothing is written', () => {
  let t: TestApp;
  /** An active resident (Taira, first aid), who also holds the one proposal below. */
  let resident: SignedInResident;
  /** A school visit still in draft. */
  let draftId: string;
  /** The proposal the matching worker made for an open school visit. */
  let proposalId: string;

  beforeAll(async () => {
    t = await startTestApp();
    resident = await activeVolunteer(t.as);
    const created = await t.as(schoolStaff).post('/requests', schoolVisitInput()).expect(201);
    draftId = created.body.id;
    const openId = await openRequest(t.as, schoolVisitInput());
    await t.drainQueue();
    const proposals = await t.as(coordinator).get(`/requests/${openId}/proposals`).expect(200);
    expect(proposals.body.total).toBe(1);
    proposalId = proposals.body.items[0].id;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.backToNow());

  /** Row count and a digest of the contents of every table, and every job the queue has seen. */
  async function everythingStored() {
    const tables = await Promise.all(
      TABLES.map(async (table) => {
        const [row]: TableState[] = await t.dataSource.query(
          `SELECT count(*)::int AS n, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS digest
           FROM ${table} r`,
        );
        return [table, row] as const;
      }),
    );
    const jobs = Object.values(await t.queue.getJobCounts()).reduce((sum, n) => sum + n, 0);
    return { ...(Object.fromEntries(tables) as Record<Table, TableState>), jobs };
  }

  async function expectRefused({ send, problems }: Pick<BadCall, 'send' | 'problems'>) {
    const before = await everythingStored();
    const response = await send();
    const after = await everythingStored();

    expect({ status: response.status, body: response.body }).toMatchObject({
      status: 400,
      body: { statusCode: 400, error: 'InvalidInputError', message: expect.any(String) },
    });
    const details: { field: string; code: string; message: string }[] = response.body.details;
    const named = [...new Set(details.map((detail) => detail.field))].sort();
    expect(named).toEqual([...new Set(problems.map(([field]) => field))].sort());
    expect(details).toEqual(
      expect.arrayContaining(
        problems
          .filter(([, code]) => code !== undefined)
          .map(([field, code]) => expect.objectContaining({ field, code })),
      ),
    );
    for (const detail of details) expect(detail.message).toMatch(/\S/);
    expect(after).toEqual(before);
    return response;
  }

  it('notices a change when one is made, so "nothing written" below means something', async () => {
    const before = await everythingStored();
    await t.as(schoolStaff).patch(`/requests/${draftId}`, { venue: '多目的室' }).expect(200);
    const after = await everythingStored();
    expect(after.requests.n).toBe(before.requests.n);
    expect(after.requests.digest).not.toBe(before.requests.digest);
    expect(after.audit_entries.n).toBe(before.audit_entries.n + 1);
  });

  describe('with an id in the path that is not a UUID', () => {
    const cases: [string, (api: TestApp['as']) => Call][] = [
      [
        'PATCH /volunteers/:id',
        (api) => api(coordinator).patch(`/volunteers/${NOT_A_UUID}`, { monthlyCap: 2 }),
      ],
      [
        'PUT /volunteers/:id/consent',
        (api) => api(resident).put(`/volunteers/12345/consent`, { version: '2026-04', agreed: true }),
      ],
      ['POST /volunteers/:id/activate', (api) => api(coordinator).post(`/volunteers/${NOT_A_UUID}/activate`)],
      ['POST /volunteers/:id/suspend', (api) => api(coordinator).post(`/volunteers/${NOT_A_UUID}/suspend`)],
      ['POST /volunteers/:id/withdraw', (api) => api(coordinator).post(`/volunteers/${NOT_A_UUID}/withdraw`)],
      ['PATCH /requests/:id', (api) => api(schoolStaff).patch(`/requests/${NOT_A_UUID}`, { need: 2 })],
      ['POST /requests/:id/open', (api) => api(schoolStaff).post(`/requests/1/open`)],
      ['POST /requests/:id/cancel', (api) => api(schoolStaff).post(`/requests/${NOT_A_UUID}/cancel`)],
      ['POST /proposals/:id/approve', (api) => api(coordinator).post(`/proposals/${NOT_A_UUID}/approve`)],
      [
        'POST /proposals/:id/reject',
        (api) => api(coordinator).post(`/proposals/${NOT_A_UUID}/reject`, { reason: '日程が合わない' }),
      ],
      ['POST /proposals/:id/accept', (api) => api(resident).post(`/proposals/${NOT_A_UUID}/accept`)],
      ['POST /proposals/:id/decline', (api) => api(resident).post(`/proposals/${NOT_A_UUID}/decline`)],
      [
        'POST /proposals/:id/complete',
        (api) => api(schoolStaff).post(`/proposals/${NOT_A_UUID}/complete`, { hours: 1.5 }),
      ],
      [
        'POST /proposals/:id/feedback',
        (api) => api(schoolStaff).post(`/proposals/${NOT_A_UUID}/feedback`, { rating: 5 }),
      ],
    ];

    it.each(cases)('%s answers 400 naming the field `id`', (_endpoint, send) =>
      expectRefused({ send: () => send(t.as), problems: [['id', 'validation.isUuid']] }),
    );
  });

  describe('POST /volunteers (registration)', () => {
    const cases: BadCall[] = [
      {
        name: 'rejects a registration that leaves out the required fields, naming each one',
        send: () => t.as(coordinator).post('/volunteers', { name: '鈴木 花子' }),
        problems: [
          ['nameKana', 'validation.isDefined'],
          ['email', 'validation.isDefined'],
          ['phone', 'validation.isDefined'],
          ['homeDistrictCode', 'validation.isDefined'],
          ['travelDistrictCodes', 'validation.isDefined'],
          ['onlineAvailable', 'validation.isDefined'],
          ['languages', 'validation.isDefined'],
          ['monthlyCap', 'validation.isDefined'],
          ['skills', 'validation.isDefined'],
          ['learningOutcomes', 'validation.isDefined'],
          ['availability', 'validation.isDefined'],
          ['unavailableDates', 'validation.isDefined'],
        ],
      },
      {
        name: 'rejects values of the wrong type, down to one element of a list',
        send: () =>
          t.as(coordinator).post('/volunteers', {
            ...volunteerInput(),
            monthlyCap: '4',
            onlineAvailable: 'yes',
            skills: [{ skillCode: 'disaster.first-aid', level: '4' }],
            unavailableDates: [{ date: '2027-03-01' }, { date: '2027-02-30' }],
          }),
        problems: [
          ['monthlyCap', 'validation.isInt'],
          ['onlineAvailable', 'validation.isBoolean'],
          ['skills[0].level', 'validation.isInt'],
          ['unavailableDates[1].date', 'validation.isDateOnly'],
        ],
      },
      {
        name: 'rejects fields the profile does not have, at the top and inside a list',
        send: () =>
          t.as(coordinator).post('/volunteers', {
            ...volunteerInput(),
            status: 'active',
            skills: [{ skillCode: 'disaster.first-aid', level: 4, years: 10 }],
          }),
        problems: [
          ['status', 'validation.whitelistValidation'],
          ['skills[0].years', 'validation.whitelistValidation'],
        ],
      },
      {
        name: 'refuses a sign-up without consent to the privacy notice, or with a short password',
        send: () =>
          t.as().post('/volunteers/signup', { ...volunteerInput({ consent: undefined }), password: 'short' }),
        problems: [['password', 'validation.minLength']],
      },
      {
        name: 'refuses a sign-up whose password is fine but which gives no consent',
        send: () => t.as().post('/volunteers/signup', withPassword({ consent: undefined })),
        problems: [['consent', 'validation.isDefined']],
      },
      {
        name: 'rejects an availability window that ends before it starts, naming the field',
        send: () =>
          t.as().post(
            '/volunteers/signup',
            withPassword({
              availability: [
                { weekday: 1, startTime: '09:00', endTime: '12:00' },
                { weekday: 3, startTime: '15:00', endTime: '13:00' },
              ],
            }),
          ),
        problems: [['availability[1].endTime', 'validation.endAfterStart']],
      },
      {
        name: 'rejects skill codes that are not in the taxonomy, wherever they appear',
        send: () =>
          t.as().post(
            '/volunteers/signup',
            withPassword({
              skills: [{ skillCode: UNKNOWN_SKILL, level: 3 }],
              learningOutcomes: [
                {
                  kind: 'certificate',
                  title: '救急法救急員',
                  skillCodes: ['disaster.first-aid', UNKNOWN_SKILL],
                },
              ],
            }),
          ),
        problems: [
          ['skills[0].skillCode', 'validation.unknownSkill'],
          ['learningOutcomes[0].skillCodes[1]', 'validation.unknownSkill'],
        ],
      },
      {
        name: 'rejects district codes that the city does not have',
        send: () =>
          t
            .as()
            .post(
              '/volunteers/signup',
              withPassword({ homeDistrictCode: UNKNOWN_DISTRICT, travelDistrictCodes: ['uchigo', 'mu'] }),
            ),
        problems: [
          ['homeDistrictCode', 'validation.unknownDistrict'],
          ['travelDistrictCodes[1]', 'validation.unknownDistrict'],
        ],
      },
      {
        name: 'rejects a consent that was not agreed to',
        send: () =>
          t
            .as(coordinator)
            .post('/volunteers', volunteerInput({ consent: { version: '2026-04', agreed: false } })),
        problems: [['consent.agreed', 'validation.equals']],
      },
    ];

    it.each(cases)('$name', (badCall) => expectRefused(badCall));
  });

  describe('PATCH /volunteers/:id', () => {
    const patch = (body: object) => () => t.as(coordinator).patch(`/volunteers/${resident.id}`, body);
    const cases: BadCall[] = [
      {
        name: 'rejects setting the status or consent through the profile',
        send: () =>
          t.as(resident).patch(`/volunteers/${resident.id}`, {
            status: 'active',
            consent: { version: 'x', agreed: true },
          }),
        problems: [
          ['status', 'validation.whitelistValidation'],
          ['consent', 'validation.whitelistValidation'],
        ],
      },
      {
        name: 'rejects values of the wrong type',
        send: patch({ monthlyCap: 'many', languages: 'ja', availability: [{ weekday: '2' }] }),
        problems: [
          ['monthlyCap', 'validation.isInt'],
          ['languages', 'validation.isArray'],
          ['availability[0].weekday', 'validation.isInt'],
          ['availability[0].startTime', 'validation.isDefined'],
          ['availability[0].endTime', 'validation.isDefined'],
        ],
      },
      {
        name: 'rejects an availability window that ends before it starts, naming the field',
        send: patch({ availability: [{ weekday: 6, startTime: '13:00', endTime: '10:00' }] }),
        problems: [['availability[0].endTime', 'validation.endAfterStart']],
      },
      {
        name: 'rejects a learning outcome evidencing a skill that does not exist',
        send: patch({
          learningOutcomes: [{ kind: 'course', title: '浮遊術入門', skillCodes: [UNKNOWN_SKILL] }],
        }),
        problems: [['learningOutcomes[0].skillCodes[0]', 'validation.unknownSkill']],
      },
      {
        name: 'rejects travel to a district that does not exist',
        send: patch({ travelDistrictCodes: [UNKNOWN_DISTRICT] }),
        problems: [['travelDistrictCodes[0]', 'validation.unknownDistrict']],
      },
      {
        name: 'rejects clearing a required field with null (not a server error)',
        send: patch({ name: null, monthlyCap: null }),
        problems: [['name'], ['monthlyCap']],
      },
    ];

    it.each(cases)('$name', (badCall) => expectRefused(badCall));

    it('leaves the profile exactly as it was when a change mixing good and bad fields is refused', async () => {
      const before = await t.as(coordinator).get(`/volunteers/${resident.id}`).expect(200);

      await expectRefused({
        send: patch({
          name: '佐藤 花子',
          monthlyCap: 8,
          availability: [{ weekday: 1, startTime: '15:00', endTime: '09:00' }],
        }),
        problems: [['availability[0].endTime', 'validation.endAfterStart']],
      });
      await expectRefused({
        send: patch({ name: '佐藤 花子', skills: [{ skillCode: UNKNOWN_SKILL, level: 5 }] }),
        problems: [['skills[0].skillCode', 'validation.unknownSkill']],
      });

      const after = await t.as(coordinator).get(`/volunteers/${resident.id}`).expect(200);
      expect(after.body).toEqual(before.body);
      expect(after.body.name).toBe('鈴木 花子');
    });
  });

  describe('PUT /volunteers/:id/consent', () => {
    const cases: BadCall[] = [
      {
        name: 'rejects a consent that says it was not agreed to',
        send: () =>
          t.as(resident).put(`/volunteers/${resident.id}/consent`, { version: '2026-10', agreed: false }),
        problems: [['agreed', 'validation.equals']],
      },
      {
        name: 'rejects a consent without the notice version, and fields it does not have',
        send: () =>
          t.as(resident).put(`/volunteers/${resident.id}/consent`, { agreed: true, signedAt: '2026-10-01' }),
        problems: [
          ['version', 'validation.isDefined'],
          ['signedAt', 'validation.whitelistValidation'],
        ],
      },
    ];

    it.each(cases)('$name', (badCall) => expectRefused(badCall));
  });

  describe('POST /volunteers/:id/activate | suspend | withdraw', () => {
    it.each(['activate', 'suspend', 'withdraw'])(
      '%s rejects a reason over 1000 characters and fields it does not have',
      (change) =>
        expectRefused({
          send: () =>
            t.as(coordinator).post(`/volunteers/${resident.id}/${change}`, {
              reason: TOO_LONG_REASON,
              notify: true,
            }),
          problems: [
            ['reason', 'validation.maxLength'],
            ['notify', 'validation.whitelistValidation'],
          ],
        }),
    );
  });

  describe('POST /requests', () => {
    const create = (body: object) => () => t.as(schoolStaff).post('/requests', body);
    const past = '2020-01-07';
    const cases: BadCall[] = [
      {
        name: 'rejects a request that leaves out the required fields, naming each one',
        send: create({ kind: 'school_visit' }),
        problems: [
          ['title', 'validation.isDefined'],
          ['need', 'validation.isDefined'],
          ['deadline', 'validation.isDefined'],
          ['slots', 'validation.isDefined'],
          ['requiredSkills', 'validation.isDefined'],
          ['school', 'validation.isDefined'],
        ],
      },
      {
        name: 'rejects values of the wrong type, down to one element of a list',
        send: create({
          ...schoolVisitInput(),
          need: '2',
          online: 'yes',
          requiredSkills: [{ skillCode: 'disaster.first-aid', minLevel: '3' }],
          school: { ...schoolVisitInput().school, grade: 7 },
        }),
        problems: [
          ['need', 'validation.isInt'],
          ['online', 'validation.isBoolean'],
          ['requiredSkills[0].minLevel', 'validation.isInt'],
          ['school.grade', 'validation.max'],
        ],
      },
      {
        name: 'rejects fields a request does not have, at the top, in a session and in the kind’s details',
        send: create({
          ...schoolVisitInput(),
          status: 'open',
          slots: [{ ...schoolVisitInput().slots[0], room: '体育館' }],
          school: { ...schoolVisitInput().school, teacher: '田中先生' },
        }),
        problems: [
          ['status', 'validation.whitelistValidation'],
          ['slots[0].room', 'validation.whitelistValidation'],
          ['school.teacher', 'validation.whitelistValidation'],
        ],
      },
      {
        name: 'rejects a school visit without its `school` details',
        send: create(schoolVisitInput({ school: undefined })),
        problems: [['school', 'validation.isDefined']],
      },
      {
        name: 'rejects a family-support request without its `family` details',
        send: create(familySupportInput({ family: undefined })),
        problems: [['family', 'validation.isDefined']],
      },
      {
        name: 'rejects a course without its `course` details',
        send: create(courseInput({ course: undefined })),
        problems: [['course', 'validation.isDefined']],
      },
      {
        name: 'rejects a course that carries a school visit’s details',
        send: create(courseInput({ school: schoolVisitInput().school })),
        problems: [['school', 'validation.otherKindDetails']],
      },
      {
        name: 'rejects a family-support request that carries a course’s details',
        send: create(familySupportInput({ course: courseInput().course })),
        problems: [['course', 'validation.otherKindDetails']],
      },
      {
        name: 'rejects a session that ends before it starts, naming that session',
        send: create(
          courseInput({
            slots: [slot(upcoming(3), '13:30', '15:00'), slot(addDays(upcoming(3), 7), '15:00', '13:30')],
          }),
        ),
        problems: [['slots[1].endsAt', 'validation.endAfterStart']],
      },
      {
        name: 'rejects sessions that overlap or run past midnight',
        send: create(
          courseInput({
            slots: [
              slot(upcoming(3), '13:30', '15:00'),
              slot(upcoming(3), '14:30', '16:00'),
              { startsAt: `${upcoming(5)}T22:00:00+09:00`, endsAt: `${upcoming(6)}T01:00:00+09:00` },
            ],
          }),
        ),
        problems: [
          ['slots[1]', 'validation.slotsOverlap'],
          ['slots[2].endsAt', 'validation.sameDay'],
        ],
      },
      {
        name: 'names only the start when a session’s start is not a date-time',
        send: create(
          schoolVisitInput({
            slots: [{ startsAt: 'next Tuesday', endsAt: `${upcoming(2)}T12:15:00+09:00` }],
          }),
        ),
        problems: [['slots[0].startsAt', 'validation.isInstant']],
      },
      {
        name: 'rejects session times without a UTC offset, which would be read in the server’s time zone',
        send: create(
          schoolVisitInput({
            slots: [{ startsAt: `${upcoming(2)}T10:40:00`, endsAt: `${upcoming(2)}T12:15:00` }],
          }),
        ),
        problems: [['slots[0].startsAt'], ['slots[0].endsAt']],
      },
      {
        name: 'rejects required and preferred skills that are not in the taxonomy',
        send: create(
          courseInput({
            requiredSkills: [{ skillCode: UNKNOWN_SKILL, minLevel: 2 }],
            preferredSkillCodes: ['it.internet-safety', 'it.time-travel'],
          }),
        ),
        problems: [
          ['requiredSkills[0].skillCode', 'validation.unknownSkill'],
          ['preferredSkillCodes[1]', 'validation.unknownSkill'],
        ],
      },
      {
        name: 'rejects a district that the city does not have',
        send: create(familySupportInput({ districtCode: UNKNOWN_DISTRICT })),
        problems: [['districtCode', 'validation.unknownDistrict']],
      },
      {
        name: 'rejects a deadline after the first session',
        send: create(schoolVisitInput({ deadline: `${addDays(upcoming(2), 1)}T17:00:00+09:00` })),
        problems: [['deadline', 'validation.deadlineBeforeFirstSlot']],
      },
      {
        name: 'rejects sessions in the past',
        send: create(
          schoolVisitInput({ slots: [slot(past, '10:40', '12:15')], deadline: `${past}T09:00:00+09:00` }),
        ),
        problems: [['slots[0].startsAt', 'validation.inFuture']],
      },
      {
        name: 'rejects a request with no place: neither a district nor online',
        send: create(courseInput({ districtCode: undefined, online: false })),
        problems: [['districtCode', 'validation.placeRequired']],
      },
    ];

    it.each(cases)('$name', (badCall) => expectRefused(badCall));
  });

  describe('PATCH /requests/:id', () => {
    const patch = (body: object) => () => t.as(schoolStaff).patch(`/requests/${draftId}`, body);
    const cases: BadCall[] = [
      {
        name: 'rejects a change of kind',
        send: patch({ kind: 'course_instructor' }),
        problems: [['kind', 'validation.whitelistValidation']],
      },
      {
        name: 'rejects another kind’s details on a school visit',
        send: patch({ family: familySupportInput().family }),
        problems: [['family', 'validation.otherKindDetails']],
      },
      {
        name: 'rejects a session that ends before it starts, naming that session',
        send: patch({
          slots: [slot(upcoming(2), '10:40', '12:15'), slot(upcoming(4), '13:00', '11:00')],
        }),
        problems: [['slots[1].endsAt', 'validation.endAfterStart']],
      },
      {
        name: 'rejects sessions moved into the past',
        send: patch({ slots: [slot('2020-01-07', '10:40', '12:15')], deadline: '2020-01-06T17:00:00+09:00' }),
        problems: [['slots[0].startsAt', 'validation.inFuture']],
      },
      {
        name: 'rejects a new deadline after the first session it already has',
        send: patch({ deadline: `${addDays(upcoming(2), 3)}T17:00:00+09:00` }),
        problems: [['deadline', 'validation.deadlineBeforeFirstSlot']],
      },
      {
        name: 'rejects skills that are not in the taxonomy',
        send: patch({
          requiredSkills: [{ skillCode: 'disaster.first-aid', minLevel: 3 }],
          preferredSkillCodes: [UNKNOWN_SKILL],
        }),
        problems: [['preferredSkillCodes[0]', 'validation.unknownSkill']],
      },
      {
        name: 'rejects a district that the city does not have',
        send: patch({ districtCode: UNKNOWN_DISTRICT }),
        problems: [['districtCode', 'validation.unknownDistrict']],
      },
      {
        name: 'rejects removing the district of a request that is not online',
        send: patch({ districtCode: null }),
        problems: [['districtCode', 'validation.placeRequired']],
      },
      {
        name: 'rejects clearing a required field with null (not a server error)',
        send: patch({ title: null, need: null }),
        problems: [['title'], ['need']],
      },
    ];

    it.each(cases)('$name', (badCall) => expectRefused(badCall));

    it('leaves the request exactly as it was when a change mixing good and bad fields is refused', async () => {
      const before = await t.as(schoolStaff).get(`/requests/${draftId}`).expect(200);

      await expectRefused({
        send: patch({ title: '6年生 応急手当教室', need: 0 }),
        problems: [['need', 'validation.min']],
      });
      await expectRefused({
        send: patch({
          title: '6年生 応急手当教室',
          slots: [slot('2020-01-07', '10:40', '12:15')],
          deadline: '2020-01-06T17:00:00+09:00',
        }),
        problems: [['slots[0].startsAt', 'validation.inFuture']],
      });

      const after = await t.as(schoolStaff).get(`/requests/${draftId}`).expect(200);
      expect(after.body).toEqual(before.body);
      expect(after.body.title).toBe('5年生 応急手当教室');
    });
  });

  describe('POST /requests/:id/open and /cancel', () => {
    it('refuses to open a draft whose first session has already begun, and it stays a draft', async () => {
      const created = await t.as(schoolStaff).post('/requests', schoolVisitInput()).expect(201);
      t.clock.travelTo(created.body.slots[0].startsAt);

      await expectRefused({
        send: () => t.as(schoolStaff).post(`/requests/${created.body.id}/open`),
        problems: [['slots[0].startsAt', 'validation.inFuture']],
      });
      const after = await t.as(schoolStaff).get(`/requests/${created.body.id}`).expect(200);
      expect(after.body.status).toBe('draft');
    });

    it('refuses a cancellation reason over 1000 characters and fields it does not have', () =>
      expectRefused({
        send: () =>
          t.as(schoolStaff).post(`/requests/${draftId}/cancel`, { reason: TOO_LONG_REASON, notifyAll: true }),
        problems: [
          ['reason', 'validation.maxLength'],
          ['notifyAll', 'validation.whitelistValidation'],
        ],
      }));
  });

  describe('POST /proposals/:id/…', () => {
    const cases: BadCall[] = [
      {
        name: 'reject needs a reason',
        send: () => t.as(coordinator).post(`/proposals/${proposalId}/reject`, {}),
        problems: [['reason', 'validation.isDefined']],
      },
      {
        name: 'decline refuses a reason over 1000 characters',
        send: () => t.as(resident).post(`/proposals/${proposalId}/decline`, { reason: TOO_LONG_REASON }),
        problems: [['reason', 'validation.maxLength']],
      },
      {
        name: 'complete needs the hours, as a number',
        send: () => t.as(schoolStaff).post(`/proposals/${proposalId}/complete`, { hours: '1.5' }),
        problems: [['hours', 'validation.isNumber']],
      },
      {
        name: 'complete refuses zero hours and fields it does not have',
        send: () => t.as(schoolStaff).post(`/proposals/${proposalId}/complete`, { hours: 0, minutes: 90 }),
        problems: [
          ['hours', 'validation.min'],
          ['minutes', 'validation.whitelistValidation'],
        ],
      },
      {
        name: 'feedback needs a whole-number rating from 1 to 5',
        send: () => t.as(schoolStaff).post(`/proposals/${proposalId}/feedback`, { rating: 6 }),
        problems: [['rating', 'validation.max']],
      },
      {
        name: 'feedback refuses a fractional rating, a comment over 2000 characters and unknown fields',
        send: () =>
          t.as(resident).post(`/proposals/${proposalId}/feedback`, {
            rating: 4.5,
            comment: 'よ'.repeat(2001),
            wouldReturn: true,
          }),
        problems: [
          ['rating', 'validation.isInt'],
          ['comment', 'validation.maxLength'],
          ['wouldReturn', 'validation.whitelistValidation'],
        ],
      },
    ];

    it.each(cases)('$name', (badCall) => expectRefused(badCall));

    it('complete refuses more hours than were scheduled, and the proposal stays accepted', async () => {
      await t.as(coordinator).post(`/proposals/${proposalId}/approve`).expect(200);
      const accepted = await t.as(resident).post(`/proposals/${proposalId}/accept`).expect(200);
      t.clock.travelTo(accepted.body.request.slots[0].endsAt);

      // The school visit is 10:40–12:15: an hour and 35 minutes.
      await expectRefused({
        send: () => t.as(schoolStaff).post(`/proposals/${proposalId}/complete`, { hours: 2 }),
        problems: [['hours', 'validation.hoursTooMany']],
      });
      const after = await t.as(coordinator).get(`/proposals/${proposalId}`).expect(200);
      expect(after.body).toMatchObject({ status: 'accepted', hours: null });
    });
  });

  describe('the messages', () => {
    it('are in Japanese by default and in English when the caller asks for it', async () => {
      const send = () => t.as(schoolStaff).post('/requests', courseInput({ need: 2.5 }));
      const ja = await expectRefused({ send, problems: [['need', 'validation.isInt']] });
      const en = await expectRefused({
        send: () => send().set('Accept-Language', 'en'),
        problems: [['need', 'validation.isInt']],
      });
      expect(ja.body.message).toBe('入力内容に誤りがあります。');
      expect(ja.body.details).toContainEqual(
        expect.objectContaining({ message: '整数で入力してください。' }),
      );
      expect(en.body.message).toBe('Some fields are not valid.');
      expect(en.body.details).toContainEqual(expect.objectContaining({ message: 'Must be a whole number.' }));

      const unknownSkill = () =>
        t.as(schoolStaff).post('/requests', courseInput({ preferredSkillCodes: [UNKNOWN_SKILL] }));
      const jaSkill = await expectRefused({
        send: unknownSkill,
        problems: [['preferredSkillCodes[0]', 'validation.unknownSkill']],
      });
      const enSkill = await expectRefused({
        send: () => unknownSkill().set('Accept-Language', 'en'),
        problems: [['preferredSkillCodes[0]', 'validation.unknownSkill']],
      });
      expect(jaSkill.body.details[0].message).toBe(`存在しないスキルです: ${UNKNOWN_SKILL}`);
      expect(enSkill.body.details[0].message).toBe(`No such skill: ${UNKNOWN_SKILL}`);
    });

    it('state the limit that was broken, in either language', async () => {
      const send = () => t.as(schoolStaff).post(`/requests/${draftId}/cancel`, { reason: TOO_LONG_REASON });
      const ja = await expectRefused({ send, problems: [['reason', 'validation.maxLength']] });
      const en = await expectRefused({
        send: () => send().set('Accept-Language', 'en'),
        problems: [['reason', 'validation.maxLength']],
      });
      expect(ja.body.details[0].message).toBe('1000 文字以内で入力してください。');
      expect(en.body.details[0].message).toBe('Must be at most 1000 characters.');
    });
  });
});
