import type { PlannerInstance } from '../../src/matching/planner/instance.js';
import { random } from './random.js';

/**
 * Planner instances that look like the city: 13 districts, a dozen fields of learning, retirees free on
 * weekday daytimes and working people on evenings and weekends, a few popular residents with many recent
 * activities, school visits of 45–90 minutes, family support often in the evening, courses of 3–8 weekly
 * sessions. Deterministic for a seed. Candidates follow the hard rules (skill at level, free for every
 * session, reachable district or both online), best `candidatesPerRequest` by score, as the service's
 * SQL would hand them over.
 */

export const SIZES = {
  S: { volunteers: 300, requests: 120 },
  M: { volunteers: 3_000, requests: 800 },
  L: { volunteers: 100_000, requests: 30_000 },
} as const;
export type Size = keyof typeof SIZES;

const DISTRICTS = 13;
const FIELDS = 12;
const SKILLS_PER_FIELD = 4;
/** Planning horizon: four weeks from Monday 2027-05-10, Japan time. */
const HORIZON_START = Date.parse('2027-05-10T00:00:00+09:00');

interface Volunteer {
  home: number;
  reach: Set<number>;
  online: boolean;
  skills: Map<number, number>;
  /** When they are free on each weekday (0 = Sunday), in minutes after midnight; from > to when not. */
  freeFrom: Int16Array;
  freeTo: Int16Array;
}

interface Session {
  day: number;
  from: number;
  to: number;
}

interface Requirement {
  /** Any one of these skills, at `level` or above. */
  skills: number[];
  level: number;
}

const fieldSkills = (field: number) =>
  Array.from({ length: SKILLS_PER_FIELD }, (_, i) => field * SKILLS_PER_FIELD + i);

interface Request {
  district: number;
  online: boolean;
  required: Requirement;
  sessions: Session[];
  need: number;
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [0, 6];

function makeVolunteer(rng: ReturnType<typeof random>): Volunteer {
  const home = rng.int(0, DISTRICTS - 1);
  const reach = new Set([home]);
  for (let i = rng.int(1, 4); i > 0; i--)
    reach.add((home + rng.pick([-2, -1, 1, 2]) + DISTRICTS) % DISTRICTS);
  const skills = new Map<number, number>();
  const fields =
    rng.next() < 0.4 ? [rng.int(0, FIELDS - 1), rng.int(0, FIELDS - 1)] : [rng.int(0, FIELDS - 1)];
  for (let i = rng.int(2, 4); i > 0; i--) {
    skills.set(
      rng.pick(fields) * SKILLS_PER_FIELD + rng.int(0, SKILLS_PER_FIELD - 1),
      rng.pick([2, 3, 3, 4, 4, 5]),
    );
  }
  const freeFrom = new Int16Array(7).fill(24 * 60);
  const freeTo = new Int16Array(7);
  const free = (day: number, from: number, to: number) => {
    freeFrom[day] = from;
    freeTo[day] = to;
  };
  const kind = rng.next();
  if (kind < 0.5) {
    // Retired: weekday daytimes, some also Saturday mornings.
    for (const day of WEEKDAYS) if (rng.next() < 0.8) free(day, 8 * 60 + 30, 16 * 60 + 30);
    if (rng.next() < 0.3) free(6, 9 * 60, 12 * 60);
  } else if (kind < 0.85) {
    // Working: evenings and weekends.
    for (const day of WEEKDAYS) if (rng.next() < 0.6) free(day, 18 * 60, 21 * 60 + 30);
    for (const day of WEEKEND) if (rng.next() < 0.7) free(day, 9 * 60, 17 * 60);
  } else {
    // Students and part-timers: weekday afternoons and Saturdays.
    for (const day of WEEKDAYS) if (rng.next() < 0.5) free(day, 13 * 60, 18 * 60);
    if (rng.next() < 0.6) free(6, 10 * 60, 17 * 60);
  }
  return { home, reach, online: rng.next() < 0.3, skills, freeFrom, freeTo };
}

function makeRequest(rng: ReturnType<typeof random>): Request {
  const kind = rng.next();
  const field = rng.int(0, FIELDS - 1);
  // Most requests ask for a field (any of its skills will do), some for one skill in particular.
  const required: Requirement = {
    skills:
      rng.next() < 0.7 ? fieldSkills(field) : [field * SKILLS_PER_FIELD + rng.int(0, SKILLS_PER_FIELD - 1)],
    level: rng.pick([2, 2, 3, 3, 4]),
  };
  const weekdayIn = () => rng.int(0, 3) * 7 + rng.pick(WEEKDAYS);
  if (kind < 0.45) {
    // A school visit: one weekday lesson of 45–90 minutes.
    const from = rng.pick([8 * 60 + 50, 9 * 60 + 45, 10 * 60 + 40, 11 * 60 + 35, 13 * 60 + 30, 14 * 60 + 25]);
    const length = rng.pick([45, 50, 90]);
    return {
      district: rng.int(0, DISTRICTS - 1),
      online: false,
      required,
      sessions: [{ day: weekdayIn(), from, to: from + length }],
      need: rng.pick([1, 1, 1, 2, 2, 3]),
    };
  }
  if (kind < 0.7) {
    // Family support: an evening talk or a weekend morning, often with childcare beside it.
    const evening = rng.next() < 0.65;
    const day = evening ? weekdayIn() : rng.int(0, 3) * 7 + rng.pick(WEEKEND);
    const from = evening ? rng.pick([18 * 60 + 30, 19 * 60]) : rng.pick([9 * 60 + 30, 10 * 60]);
    return {
      district: rng.int(0, DISTRICTS - 1),
      online: rng.next() < 0.1,
      required,
      sessions: [{ day, from, to: from + 90 }],
      need: rng.pick([1, 1, 2]),
    };
  }
  // A course: 3–8 weekly sessions at the same time.
  const count = rng.int(3, 8);
  const slot = rng.pick([
    { weekday: true, from: 10 * 60 },
    { weekday: true, from: 13 * 60 + 30 },
    { weekday: true, from: 19 * 60 },
    { weekday: false, from: 10 * 60 },
    { weekday: false, from: 14 * 60 },
  ]);
  const first = slot.weekday ? rng.pick(WEEKDAYS) : rng.pick(WEEKEND);
  return {
    district: rng.int(0, DISTRICTS - 1),
    online: rng.next() < 0.15,
    required,
    sessions: Array.from({ length: count }, (_, week) => ({
      day: first + 7 * week,
      from: slot.from,
      to: slot.from + rng.pick([90, 120]),
    })),
    need: 1,
  };
}

function freeFor(volunteer: Volunteer, session: Session): boolean {
  const day = session.day % 7;
  return volunteer.freeFrom[day] <= session.from && session.to <= volunteer.freeTo[day];
}

function instant(day: number, minutes: number): string {
  const at = new Date(HORIZON_START + day * 86_400_000 + minutes * 60_000 + 9 * 3_600_000);
  return `${at.toISOString().slice(0, 19)}+09:00`;
}

export function cityInstance(size: Size, seed: number, candidatesPerRequest = 40): PlannerInstance {
  const rng = random(seed);
  const { volunteers: volunteerCount, requests: requestCount } = SIZES[size];
  const volunteers = Array.from({ length: volunteerCount }, () => makeVolunteer(rng));
  const requests = Array.from({ length: requestCount }, () => makeRequest(rng));
  // Who meets each kind of requirement (a field, or one skill) at which level, by every district they
  // reach (online counts as one more): the index the candidate search walks.
  const index = new Map<string, { v: number; level: number }[]>();
  const enter = (key: string, v: number, level: number) =>
    (index.get(key) ?? index.set(key, []).get(key)!).push({ v, level });
  volunteers.forEach((volunteer, v) => {
    const fieldLevels = new Map<number, number>();
    for (const [skill, level] of volunteer.skills) {
      const field = Math.floor(skill / SKILLS_PER_FIELD);
      fieldLevels.set(field, Math.max(level, fieldLevels.get(field) ?? 0));
    }
    for (const district of volunteer.online ? [...volunteer.reach, DISTRICTS] : volunteer.reach) {
      for (const [skill, level] of volunteer.skills) enter(`skill ${skill} ${district}`, v, level);
      for (const [field, level] of fieldLevels) enter(`field ${field} ${district}`, v, level);
    }
  });
  const candidates: PlannerInstance['candidates'] = [];
  requests.forEach((request, r) => {
    const where = request.online ? DISTRICTS : request.district;
    const { skills } = request.required;
    const key =
      skills.length > 1 ? `field ${Math.floor(skills[0] / SKILLS_PER_FIELD)}` : `skill ${skills[0]}`;
    // The best `candidatesPerRequest` by score, kept sorted as they are found.
    const best: { v: number; score: number }[] = [];
    for (const { v, level } of index.get(`${key} ${where}`) ?? []) {
      if (level < request.required.level) continue;
      const volunteer = volunteers[v];
      let free = true;
      for (const session of request.sessions) free &&= freeFor(volunteer, session);
      if (!free) continue;
      const distance = request.online || volunteer.home === request.district ? 1 : 0.5;
      const score = Math.round((0.6 * (level / 5) + 0.25 * distance + 0.15 * rng.next()) * 10_000) / 10_000;
      if (best.length === candidatesPerRequest && score <= best[best.length - 1].score) continue;
      if (best.length === candidatesPerRequest) best.pop();
      let i = best.length;
      while (i > 0 && best[i - 1].score < score) i--;
      best.splice(i, 0, { v, score });
    }
    for (const { v, score } of best) candidates.push({ v: `v${v}`, r: `r${r}`, score });
  });
  return {
    version: 1,
    fairness: 0.05,
    volunteers: volunteers.map((_, v) => {
      const popular = rng.next() < 0.05;
      return {
        id: `v${v}`,
        cap: rng.pick([1, 2, 2, 3, 4]),
        recent: popular ? rng.int(8, 20) : rng.pick([0, 0, 0, 1, 1, 2, 3]),
      };
    }),
    requests: requests.map((request, r) => ({
      id: `r${r}`,
      need: request.need,
      slots: request.sessions.map((session): [string, string] => [
        instant(session.day, session.from),
        instant(session.day, session.to),
      ]),
    })),
    candidates,
  };
}
