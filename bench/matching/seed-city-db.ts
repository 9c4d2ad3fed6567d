import type { EntityManager } from 'typeorm';
import { haversineKm } from '../../src/matching/scoring.js';
import { random, type Random } from './random.js';

/**
 * An M-size city written straight into a migrated database, one INSERT per table, for the end-to-end
 * benchmark. It is shaped like the planner benchmark's instances (`city-instance.ts`): residents of the
 * 13 districts, retirees free on weekday daytimes and working people on evenings and weekends, 5 %
 * popular residents with many recent activities, school visits of 45–90 minutes, family support mostly
 * in the evening, courses of 3–8 weekly sessions. Deterministic for a seed (ids included), so two runs
 * plan the same city.
 *
 * It is stored as the service stores a city, so the service's own SQL decides who is a candidate; where
 * the service's rules differ from the instance generator's, the city follows the service:
 * - A request needs every skill it requires. The generator's "any skill of a field" has no counterpart,
 *   so a field request here requires one skill of the field at a level and prefers the others, and
 *   residents hold more skills of their fields (4–7 different ones, against 2–4) to keep the candidate
 *   pairs near the instance's count (about 15,000 at M).
 * - Every resident who qualifies is a candidate (the generator keeps the best 40 per request).
 * - Scores are the service's (skill level, preferred skills, learning outcomes, distance between
 *   district centres, fairness), not the generator's formula.
 * - Residents travel to 1–4 of the districts nearest their home, and recent activities are real past
 *   activities: completed requests in the last 12 months with their proposals and bookings.
 */

export const CITY_SIZE = { residents: 3_000, openRequests: 800 } as const;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Japan keeps UTC+9 all year. */
const JAPAN_OFFSET_MS = 9 * 3_600_000;

/** What the migrations seeded: districts with their centres, and the fields of learning with their skills. */
interface Taxonomy {
  districts: { code: string; latitude: number; longitude: number }[];
  fields: { code: string; skills: { code: string; nameJa: string }[] }[];
}

async function readTaxonomy(db: EntityManager): Promise<Taxonomy> {
  const districts: Taxonomy['districts'] = await db.query(
    `SELECT code, latitude, longitude FROM districts ORDER BY sort_order`,
  );
  const skills: { field: string; code: string; nameJa: string }[] = await db.query(
    `SELECT c.code AS field, s.code, s.name_ja AS "nameJa"
       FROM skills s JOIN skill_categories c ON c.code = s.category_code
      ORDER BY c.sort_order, s.sort_order`,
  );
  const fields = new Map<string, Taxonomy['fields'][number]>();
  for (const { field, code, nameJa } of skills) {
    if (!fields.has(field)) fields.set(field, { code: field, skills: [] });
    fields.get(field)!.skills.push({ code, nameJa });
  }
  return { districts, fields: [...fields.values()] };
}

/**
 * Times are days after the start of the planning horizon (a Sunday, so `day % 7` is the weekday with
 * 0 = Sunday) and minutes after midnight, Japan time.
 */
interface Session {
  day: number;
  from: number;
  to: number;
}

/**
 * Four weeks from Sunday 2027-05-09 (the planner benchmark's horizon), or from a later Sunday when that
 * is less than two weeks away: moving by whole weeks keeps every session's weekday and time, which is
 * all the candidate rules look at (no resident has a booking in the horizon).
 */
export function planningHorizon(now: Date): Date {
  let start = Date.parse('2027-05-09T00:00:00+09:00');
  while (start < now.getTime() + 14 * DAY_MS) start += 7 * DAY_MS;
  return new Date(start);
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [0, 6];
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** The database's weekday numbering (ISO: Monday 1 … Sunday 7). */
const isoWeekday = (weekday: number) => (weekday === 0 ? 7 : weekday);

interface Resident {
  id: string;
  home: string;
  travel: string[];
  online: boolean;
  /** Skill code → level 1–5. */
  skills: Map<string, number>;
  free: { weekday: number; from: number; to: number }[];
  monthlyCap: number;
  languages: string[];
  /** Days of the horizon the resident is away. */
  away: number[];
  /** A course or certificate behind one of their skills, which the score counts. */
  outcomeSkill: string | null;
  /** Past activities in the fairness window. */
  recentActivities: number;
}

const OTHER_LANGUAGES = ['en', 'zh', 'vi', 'tl'];

function makeResident(rng: Random, taxonomy: Taxonomy, nearest: Map<string, string[]>): Resident {
  const home = rng.pick(taxonomy.districts).code;
  const travel = new Set<string>();
  for (let i = rng.int(1, 4); i > 0; i--) travel.add(rng.pick(nearest.get(home)!));
  const fields =
    rng.next() < 0.4 ? [rng.pick(taxonomy.fields), rng.pick(taxonomy.fields)] : [rng.pick(taxonomy.fields)];
  // 4–7 different skills of their fields (all of one field's, often).
  const ofTheirFields = [...new Set(fields.flatMap((field) => field.skills.map((skill) => skill.code)))];
  const skills = new Map<string, number>();
  for (let i = Math.min(rng.int(4, 7), ofTheirFields.length); i > 0; i--) {
    const [code] = ofTheirFields.splice(rng.int(0, ofTheirFields.length - 1), 1);
    skills.set(code, rng.pick([2, 3, 3, 4, 4, 5]));
  }
  const free: Resident['free'] = [];
  const kind = rng.next();
  if (kind < 0.5) {
    // Retired: weekday daytimes, some also Saturday mornings.
    for (const weekday of WEEKDAYS) if (rng.next() < 0.8) free.push({ weekday, from: 510, to: 990 });
    if (rng.next() < 0.3) free.push({ weekday: 6, from: 540, to: 720 });
  } else if (kind < 0.85) {
    // Working: evenings and weekends.
    for (const weekday of WEEKDAYS) if (rng.next() < 0.6) free.push({ weekday, from: 1080, to: 1290 });
    for (const weekday of WEEKEND) if (rng.next() < 0.7) free.push({ weekday, from: 540, to: 1020 });
  } else {
    // Students and part-timers: weekday afternoons and Saturdays.
    for (const weekday of WEEKDAYS) if (rng.next() < 0.5) free.push({ weekday, from: 780, to: 1080 });
    if (rng.next() < 0.6) free.push({ weekday: 6, from: 600, to: 1020 });
  }
  const away = rng.next() < 0.1 ? Array.from({ length: rng.int(1, 3) }, () => rng.int(0, 27)) : [];
  const popular = rng.next() < 0.05;
  return {
    id: rng.uuid(),
    home,
    travel: [...travel],
    online: rng.next() < 0.3,
    skills,
    free,
    monthlyCap: rng.pick([1, 2, 2, 3, 4]),
    languages: rng.next() < 0.12 ? ['ja', rng.pick(OTHER_LANGUAGES)] : ['ja'],
    away: [...new Set(away)],
    outcomeSkill: rng.next() < 0.25 ? rng.pick([...skills.keys()]) : null,
    recentActivities: popular ? rng.int(8, 20) : rng.pick([0, 0, 0, 1, 1, 2, 3]),
  };
}

type RequestKind = 'school_visit' | 'family_support' | 'course_instructor';
type OrganisationKind = 'school' | 'family_support_desk' | 'community_group';
const ORGANISATION_OF: Record<RequestKind, OrganisationKind> = {
  school_visit: 'school',
  family_support: 'family_support_desk',
  course_instructor: 'community_group',
};

interface OpenRequest {
  id: string;
  kind: RequestKind;
  title: string;
  /** Null for an online request: it is open to online residents of every district. */
  district: string | null;
  need: number;
  sessions: Session[];
  required: { code: string; minLevel: number };
  preferred: string[];
  details: object;
}

/** The skills a request asks for: most ask for a field (one skill required, the others welcome), some for one skill. */
function skillsAskedFor(rng: Random, taxonomy: Taxonomy) {
  const field = rng.pick(taxonomy.fields);
  const required = rng.pick(field.skills);
  const preferred = rng.next() < 0.7 ? field.skills.filter((skill) => skill !== required) : [];
  return {
    required: { code: required.code, minLevel: rng.pick([2, 2, 3, 3, 4]) },
    preferred: preferred.map((skill) => skill.code),
    topic: required.nameJa,
  };
}

/** A school visit: one weekday lesson of 45–90 minutes in the given week. */
function makeSchoolVisit(rng: Random, taxonomy: Taxonomy, week: number): OpenRequest {
  const { required, preferred, topic } = skillsAskedFor(rng, taxonomy);
  const from = rng.pick([530, 585, 640, 695, 810, 865]);
  const grade = rng.int(1, 6);
  return {
    id: rng.uuid(),
    kind: 'school_visit',
    title: `${grade}年生 ${topic}の授業`,
    district: rng.pick(taxonomy.districts).code,
    need: rng.pick([1, 1, 1, 2, 2, 3]),
    sessions: [{ day: week * 7 + rng.pick(WEEKDAYS), from, to: from + rng.pick([45, 50, 90]) }],
    required,
    preferred,
    details: {
      role: rng.pick(['guest_teacher', 'school_support']),
      schoolLevel: rng.pick(['elementary', 'elementary', 'junior_high']),
      grade,
      subject: '総合的な学習の時間',
      topic,
      pupils: rng.int(20, 120),
    },
  };
}

/** Family support: an evening talk or a weekend morning, often with childcare beside it. */
function makeFamilySupport(rng: Random, taxonomy: Taxonomy, week: number): OpenRequest {
  const { required, preferred, topic } = skillsAskedFor(rng, taxonomy);
  const evening = rng.next() < 0.65;
  const day = week * 7 + (evening ? rng.pick(WEEKDAYS) : rng.pick(WEEKEND));
  const from = evening ? rng.pick([1110, 1140]) : rng.pick([570, 600]);
  const online = rng.next() < 0.1;
  const foreignParents = rng.next() < 0.1;
  return {
    id: rng.uuid(),
    kind: 'family_support',
    title: `家庭教育講座 ${topic}`,
    district: online ? null : rng.pick(taxonomy.districts).code,
    need: rng.pick([1, 1, 2]),
    sessions: [{ day, from, to: from + 90 }],
    required,
    preferred,
    details: {
      supportType: foreignParents ? 'foreign_parent_support' : rng.pick(['parenting_talk', 'childcare']),
      organiserType: rng.pick(['pta', 'child_rearing_circle', 'family_support_desk']),
      childrenAges: [rng.int(0, 6), rng.int(0, 12)],
      languageNeeds: foreignParents ? [rng.pick(OTHER_LANGUAGES)] : [],
      childcareNeeded: rng.next() < 0.5,
    },
  };
}

/** A course: 3–8 weekly sessions at the same time. */
function makeCourse(rng: Random, taxonomy: Taxonomy): OpenRequest {
  const { required, preferred, topic } = skillsAskedFor(rng, taxonomy);
  const slot = rng.pick([
    { weekday: true, from: 600 },
    { weekday: true, from: 810 },
    { weekday: true, from: 1140 },
    { weekday: false, from: 600 },
    { weekday: false, from: 840 },
  ]);
  const first = slot.weekday ? rng.pick(WEEKDAYS) : rng.pick(WEEKEND);
  const length = rng.pick([90, 120]);
  const count = rng.int(3, 8);
  const online = rng.next() < 0.15;
  return {
    id: rng.uuid(),
    kind: 'course_instructor',
    title: `${topic}講座（全${count}回）`,
    district: online ? null : rng.pick(taxonomy.districts).code,
    need: 1,
    sessions: Array.from({ length: count }, (_, week) => ({
      day: first + 7 * week,
      from: slot.from,
      to: slot.from + length,
    })),
    required,
    preferred,
    details: { capacity: rng.int(10, 30), participantFeeYen: rng.pick([0, 0, 500, 1000]), honorariumYen: 0 },
  };
}

function makeRequest(rng: Random, taxonomy: Taxonomy): OpenRequest {
  const kind = rng.next();
  if (kind < 0.45) return makeSchoolVisit(rng, taxonomy, rng.int(0, 3));
  if (kind < 0.7) return makeFamilySupport(rng, taxonomy, rng.int(0, 3));
  return makeCourse(rng, taxonomy);
}

/**
 * Inserts rows, objects keyed by column name, in one statement: PostgreSQL reads them from JSON as the
 * table's own row type, so every value is converted as the column declares. Columns left out take
 * their defaults.
 */
async function insertRows(db: EntityManager, table: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0])
    .map((column) => `"${column}"`)
    .join(', ');
  await db.query(
    `INSERT INTO ${table} (${columns})
     SELECT ${columns} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

export interface SeededCity {
  residents: number;
  openRequests: number;
  seats: number;
  pastActivities: number;
  horizonStart: Date;
  /** Adds one more open request in the horizon's first week, as a school or a desk would at short notice. */
  addUrgentRequest(db: EntityManager): Promise<string>;
}

/**
 * Seeds the city into `db` (a migrated, otherwise empty database) in one transaction. Residents are
 * active and have agreed to `privacyNoticeVersion`, so all of them are matched.
 */
export async function seedCity(
  db: EntityManager,
  options: { seed: number; now: Date; privacyNoticeVersion: string },
): Promise<SeededCity> {
  const rng = random(options.seed);
  const taxonomy = await readTaxonomy(db);
  const horizon = planningHorizon(options.now).getTime();
  const at = (day: number, minutes: number) => new Date(horizon + day * DAY_MS + minutes * MINUTE_MS);

  // Residents travel to some of the four districts nearest their home.
  const nearest = new Map(
    taxonomy.districts.map((home) => [
      home.code,
      taxonomy.districts
        .filter((other) => other !== home)
        .sort((a, b) => haversineKm(home, a) - haversineKm(home, b))
        .slice(0, 4)
        .map((district) => district.code),
    ]),
  );
  const residents = Array.from({ length: CITY_SIZE.residents }, () => makeResident(rng, taxonomy, nearest));
  const requests = Array.from({ length: CITY_SIZE.openRequests }, () => makeRequest(rng, taxonomy));

  // In every district three schools, a family-support desk and two community groups ask for people.
  const organisations = taxonomy.districts.flatMap((district) =>
    (
      ['school', 'school', 'school', 'family_support_desk', 'community_group', 'community_group'] as const
    ).map((kind, i) => ({
      id: rng.uuid(),
      kind,
      name: `${district.code} ${kind} ${i + 1}`,
      district_code: district.code,
    })),
  );
  const organisationFor = (kind: RequestKind, district: string | null) =>
    rng.pick(
      organisations.filter(
        (organisation) =>
          organisation.kind === ORGANISATION_OF[kind] &&
          (district === null || organisation.district_code === district),
      ),
    ).id;

  const requestRows = (request: OpenRequest, status: string) => ({
    id: request.id,
    kind: request.kind,
    status,
    title: request.title,
    organisation_id: organisationFor(request.kind, request.district),
    district_code: request.district,
    online: request.district === null,
    need: request.need,
    // Three days before the first session, as the schedule rules want it before.
    deadline: at(request.sessions[0].day - 3, 17 * 60),
    details: request.details,
    // Nothing owed: the periodic sweep, were it on, would otherwise enqueue a match run per request.
    revision: 1,
    matched_revision: 1,
    created_by: 'bench',
  });
  const slotRows = (request: OpenRequest) =>
    request.sessions.map((session) => ({
      request_id: request.id,
      starts_at: at(session.day, session.from),
      ends_at: at(session.day, session.to),
    }));
  const skillRows = (request: OpenRequest) => [
    {
      request_id: request.id,
      skill_code: request.required.code,
      required: true,
      min_level: request.required.minLevel,
    },
    ...request.preferred.map((code) => ({
      request_id: request.id,
      skill_code: code,
      required: false,
      min_level: null,
    })),
  ];

  // Past activities, in the fairness window: each a completed one-person school visit on its own day
  // (10:00–11:30), a fortnight or so apart, so one resident's never overlap.
  const today = Math.floor((options.now.getTime() + JAPAN_OFFSET_MS) / DAY_MS) * DAY_MS - JAPAN_OFFSET_MS;
  const past = residents.flatMap((resident) =>
    Array.from({ length: resident.recentActivities }, (_, i) => {
      const day = today - (7 + 14 * i + rng.int(0, 6)) * DAY_MS;
      const [startsAt, endsAt] = [new Date(day + 600 * MINUTE_MS), new Date(day + 690 * MINUTE_MS)];
      return {
        resident,
        requestId: rng.uuid(),
        slotId: rng.uuid(),
        proposalId: rng.uuid(),
        startsAt,
        endsAt,
      };
    }),
  );

  await db.transaction(async (tx) => {
    await insertRows(tx, 'organisations', organisations);
    await insertRows(
      tx,
      'volunteers',
      residents.map((resident, i) => ({
        id: resident.id,
        name: `住民 ${i + 1}`,
        name_kana: `じゅうみん ${i + 1}`,
        email: `resident${i + 1}@bench.example.jp`,
        phone: `0246-00-${String(i + 1).padStart(4, '0')}`,
        home_district_code: resident.home,
        online_available: resident.online,
        languages: resident.languages,
        monthly_cap: resident.monthlyCap,
        status: 'active',
        consent_version: options.privacyNoticeVersion,
        consented_at: options.now,
        revision: 1,
        matched_revision: 1,
      })),
    );
    await insertRows(
      tx,
      'volunteer_skills',
      residents.flatMap((resident) =>
        [...resident.skills].map(([code, level]) => ({ volunteer_id: resident.id, skill_code: code, level })),
      ),
    );
    await insertRows(
      tx,
      'volunteer_travel_districts',
      residents.flatMap((resident) =>
        resident.travel.map((code) => ({ volunteer_id: resident.id, district_code: code })),
      ),
    );
    await insertRows(
      tx,
      'availability_windows',
      residents.flatMap((resident) =>
        resident.free.map(({ weekday, from, to }) => ({
          id: rng.uuid(),
          volunteer_id: resident.id,
          weekday: isoWeekday(weekday),
          start_time: hhmm(from),
          end_time: hhmm(to),
        })),
      ),
    );
    await insertRows(
      tx,
      'unavailable_dates',
      residents.flatMap((resident) =>
        resident.away.map((day) => ({
          volunteer_id: resident.id,
          date: new Date(horizon + day * DAY_MS + JAPAN_OFFSET_MS).toISOString().slice(0, 10),
        })),
      ),
    );
    const outcomes = residents.flatMap((resident) =>
      resident.outcomeSkill ? [{ id: rng.uuid(), resident, skill: resident.outcomeSkill }] : [],
    );
    await insertRows(
      tx,
      'learning_outcomes',
      outcomes.map(({ id, resident, skill }) => ({
        id,
        volunteer_id: resident.id,
        kind: 'course',
        title: `${skill} 指導者講座 修了`,
      })),
    );
    await insertRows(
      tx,
      'learning_outcome_skills',
      outcomes.map(({ id, skill }) => ({ learning_outcome_id: id, skill_code: skill })),
    );

    await insertRows(
      tx,
      'requests',
      requests.map((request) => requestRows(request, 'open')),
    );
    await insertRows(tx, 'request_slots', requests.flatMap(slotRows));
    await insertRows(tx, 'request_skills', requests.flatMap(skillRows));

    await insertRows(
      tx,
      'requests',
      past.map(({ resident, requestId, startsAt }) => ({
        id: requestId,
        kind: 'school_visit',
        status: 'completed',
        title: '出前授業',
        organisation_id: organisationFor('school_visit', resident.home),
        district_code: resident.home,
        need: 1,
        deadline: new Date(startsAt.getTime() - 3 * DAY_MS),
        details: {
          role: 'guest_teacher',
          schoolLevel: 'elementary',
          grade: 4,
          subject: '総合',
          topic: '',
          pupils: 30,
        },
        created_by: 'bench',
      })),
    );
    await insertRows(
      tx,
      'request_slots',
      past.map(({ requestId, slotId, startsAt, endsAt }) => ({
        id: slotId,
        request_id: requestId,
        starts_at: startsAt,
        ends_at: endsAt,
      })),
    );
    await insertRows(
      tx,
      'proposals',
      past.map(({ resident, requestId, proposalId }) => ({
        id: proposalId,
        request_id: requestId,
        volunteer_id: resident.id,
        status: 'completed',
        score: 0.5,
        explanation: {},
        hours: 1.5,
      })),
    );
    await insertRows(
      tx,
      'bookings',
      past.map(({ resident, slotId, proposalId, startsAt, endsAt }) => ({
        proposal_id: proposalId,
        volunteer_id: resident.id,
        slot_id: slotId,
        during: `[${startsAt.toISOString()},${endsAt.toISOString()})`,
      })),
    );
  });

  const urgentRng = random(options.seed + 1);
  return {
    residents: residents.length,
    openRequests: requests.length,
    seats: requests.reduce((sum, request) => sum + request.need, 0),
    pastActivities: past.length,
    horizonStart: new Date(horizon),
    async addUrgentRequest(target) {
      const request =
        urgentRng.next() < 0.6
          ? makeSchoolVisit(urgentRng, taxonomy, 0)
          : makeFamilySupport(urgentRng, taxonomy, 0);
      await target.transaction(async (tx) => {
        await insertRows(tx, 'requests', [requestRows(request, 'open')]);
        await insertRows(tx, 'request_slots', slotRows(request));
        await insertRows(tx, 'request_skills', skillRows(request));
      });
      return request.id;
    },
  };
}
