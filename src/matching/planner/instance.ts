/**
 * The planner's input and output, in exactly the JSON form the benchmark reads and writes (see
 * README.md here). `parseInstance` is the one door in: it checks everything and names each problem,
 * then `compile` turns ids and ISO times into typed arrays once, so the algorithms never touch a string
 * or a Date.
 */

export interface PlannerInstance {
  version: 1;
  /** Weight of the fairness cost: each extra activity for someone with many costs more than the last. */
  fairness: number;
  /** `cap`: most new assignments; `recent`: activities in the fairness window plus those confirmed. */
  volunteers: { id: string; cap: number; recent: number }[];
  /** Each slot is a half-open interval `[start, end)`, ISO 8601 with offset. */
  requests: { id: string; need: number; slots: [string, string][] }[];
  /** A pair the hard rules allow, with its score in [0, 1]. */
  candidates: { v: string; r: string; score: number }[];
}

export interface Plan {
  assignments: { v: string; r: string }[];
}

export class InvalidInstanceError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid planner instance:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
    );
    this.name = 'InvalidInstanceError';
  }
}

/** The instance, indexed: volunteers and requests by position, candidate pairs ("edges") in typed arrays. */
export interface Model {
  fairness: number;
  volunteerIds: string[];
  requestIds: string[];
  cap: Int32Array;
  recent: Int32Array;
  need: Int32Array;
  /** Edge e pairs volunteer `edgeVolunteer[e]` with request `edgeRequest[e]`, worth `edgeValue[e]` = 1 + score. */
  edgeVolunteer: Int32Array;
  edgeRequest: Int32Array;
  edgeValue: Float64Array;
  /** The edges of request r are `requestEdges[requestEdgeStart[r] .. requestEdgeStart[r + 1])`. */
  requestEdgeStart: Int32Array;
  requestEdges: Int32Array;
  volunteerEdgeStart: Int32Array;
  volunteerEdges: Int32Array;
  /** The slots of request r, sorted by start, in minutes since the epoch: `slotStart[requestSlotStart[r] ..]`. */
  requestSlotStart: Int32Array;
  slotStart: Int32Array;
  slotEnd: Int32Array;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Minutes since the epoch of an ISO instant with offset, or NaN. */
function minutesOf(value: unknown): number {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return NaN;
  return Math.floor(Date.parse(value) / 60_000);
}

/** Checks an instance read from JSON; throws {@link InvalidInstanceError} listing every problem found. */
export function parseInstance(input: unknown): PlannerInstance {
  const problems: string[] = [];
  if (!isRecord(input)) throw new InvalidInstanceError(['the instance must be a JSON object']);
  if (input.version !== 1) problems.push('version: must be 1');
  if (typeof input.fairness !== 'number' || !(input.fairness >= 0))
    problems.push('fairness: must be a number ≥ 0');
  const list = (key: string): unknown[] => {
    if (Array.isArray(input[key])) return input[key];
    problems.push(`${key}: must be an array`);
    return [];
  };
  const volunteers = new Set<string>();
  list('volunteers').forEach((volunteer, i) => {
    const at = `volunteers[${i}]`;
    if (!isRecord(volunteer)) return problems.push(`${at}: must be an object`);
    if (typeof volunteer.id !== 'string' || volunteer.id === '')
      problems.push(`${at}.id: must be a non-empty string`);
    else if (volunteers.has(volunteer.id))
      problems.push(`${at}.id: duplicate volunteer id "${volunteer.id}"`);
    else volunteers.add(volunteer.id);
    if (!isCount(volunteer.cap)) problems.push(`${at}.cap: must be an integer ≥ 0`);
    if (!isCount(volunteer.recent)) problems.push(`${at}.recent: must be an integer ≥ 0`);
  });
  const requests = new Set<string>();
  list('requests').forEach((request, i) => {
    const at = `requests[${i}]`;
    if (!isRecord(request)) return problems.push(`${at}: must be an object`);
    if (typeof request.id !== 'string' || request.id === '')
      problems.push(`${at}.id: must be a non-empty string`);
    else if (requests.has(request.id)) problems.push(`${at}.id: duplicate request id "${request.id}"`);
    else requests.add(request.id);
    if (!isCount(request.need)) problems.push(`${at}.need: must be an integer ≥ 0`);
    if (!Array.isArray(request.slots) || request.slots.length === 0) {
      problems.push(`${at}.slots: must be a non-empty array of [start, end]`);
      return;
    }
    request.slots.forEach((slot: unknown, j) => {
      const start = Array.isArray(slot) && slot.length === 2 ? minutesOf(slot[0]) : NaN;
      const end = Array.isArray(slot) && slot.length === 2 ? minutesOf(slot[1]) : NaN;
      if (Number.isNaN(start) || Number.isNaN(end)) {
        problems.push(`${at}.slots[${j}]: must be [start, end], ISO 8601 instants with an offset`);
      } else if (end <= start) problems.push(`${at}.slots[${j}]: ends before it starts`);
    });
  });
  const pairs = new Set<string>();
  list('candidates').forEach((candidate, i) => {
    const at = `candidates[${i}]`;
    if (!isRecord(candidate)) return problems.push(`${at}: must be an object`);
    const { v, r, score } = candidate;
    if (typeof v !== 'string' || !volunteers.has(v))
      problems.push(`${at}.v: unknown volunteer ${JSON.stringify(v)}`);
    if (typeof r !== 'string' || !requests.has(r))
      problems.push(`${at}.r: unknown request ${JSON.stringify(r)}`);
    if (typeof score !== 'number' || !(score >= 0 && score <= 1))
      problems.push(`${at}.score: must be a number in [0, 1]`);
    const pair = `${String(v)}\u0000${String(r)}`;
    if (pairs.has(pair)) problems.push(`${at}: duplicate pair (${String(v)}, ${String(r)})`);
    pairs.add(pair);
  });
  if (problems.length > 0) throw new InvalidInstanceError(problems);
  return input as unknown as PlannerInstance;
}

/** Groups `count` items by `keyOf` into CSR form: `start[k] .. start[k + 1]` index into `items`. */
function groupBy(count: number, groups: number, keyOf: (item: number) => number) {
  const start = new Int32Array(groups + 1);
  for (let item = 0; item < count; item++) start[keyOf(item) + 1]++;
  for (let group = 0; group < groups; group++) start[group + 1] += start[group];
  const next = start.slice(0, groups);
  const items = new Int32Array(count);
  for (let item = 0; item < count; item++) items[next[keyOf(item)]++] = item;
  return { start, items };
}

export function compile(instance: PlannerInstance): Model {
  const volunteerIndex = new Map(instance.volunteers.map((volunteer, i) => [volunteer.id, i]));
  const requestIndex = new Map(instance.requests.map((request, i) => [request.id, i]));
  const edgeCount = instance.candidates.length;
  const edgeVolunteer = new Int32Array(edgeCount);
  const edgeRequest = new Int32Array(edgeCount);
  const edgeValue = new Float64Array(edgeCount);
  instance.candidates.forEach((candidate, e) => {
    edgeVolunteer[e] = volunteerIndex.get(candidate.v)!;
    edgeRequest[e] = requestIndex.get(candidate.r)!;
    edgeValue[e] = 1 + candidate.score;
  });
  const byRequest = groupBy(edgeCount, instance.requests.length, (e) => edgeRequest[e]);
  const byVolunteer = groupBy(edgeCount, instance.volunteers.length, (e) => edgeVolunteer[e]);
  const slotCount = instance.requests.reduce((sum, request) => sum + request.slots.length, 0);
  const requestSlotStart = new Int32Array(instance.requests.length + 1);
  const slotStart = new Int32Array(slotCount);
  const slotEnd = new Int32Array(slotCount);
  let slot = 0;
  instance.requests.forEach((request, r) => {
    requestSlotStart[r] = slot;
    const sorted = request.slots
      .map(([start, end]) => [minutesOf(start), minutesOf(end)])
      .sort((a, b) => a[0] - b[0]);
    for (const [start, end] of sorted) {
      slotStart[slot] = start;
      slotEnd[slot++] = end;
    }
  });
  requestSlotStart[instance.requests.length] = slot;
  return {
    fairness: instance.fairness,
    volunteerIds: instance.volunteers.map((volunteer) => volunteer.id),
    requestIds: instance.requests.map((request) => request.id),
    cap: Int32Array.from(instance.volunteers, (volunteer) => volunteer.cap),
    recent: Int32Array.from(instance.volunteers, (volunteer) => volunteer.recent),
    need: Int32Array.from(instance.requests, (request) => request.need),
    edgeVolunteer,
    edgeRequest,
    edgeValue,
    requestEdgeStart: byRequest.start,
    requestEdges: byRequest.items,
    volunteerEdgeStart: byVolunteer.start,
    volunteerEdges: byVolunteer.items,
    requestSlotStart,
    slotStart,
    slotEnd,
  };
}

/** Whether two requests clash: some slot of one overlaps some slot of the other. */
export function conflicts(model: Model, a: number, b: number): boolean {
  let i = model.requestSlotStart[a];
  let j = model.requestSlotStart[b];
  const endA = model.requestSlotStart[a + 1];
  const endB = model.requestSlotStart[b + 1];
  while (i < endA && j < endB) {
    if (model.slotStart[i] < model.slotEnd[j] && model.slotStart[j] < model.slotEnd[i]) return true;
    if (model.slotEnd[i] <= model.slotEnd[j]) i++;
    else j++;
  }
  return false;
}
