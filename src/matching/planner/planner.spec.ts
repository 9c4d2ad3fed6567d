import fc from 'fast-check';
import { objectiveOf } from './assignment.js';
import { greedyOneRequestAtATime } from './greedy.js';
import { compile, InvalidInstanceError, parseInstance, type PlannerInstance } from './instance.js';
import { explainPlan } from './explain.js';
import { edgesOf, planProblems } from './plan.js';
import { partition } from './partition.js';
import { plan, planExplained, solve } from './planner.js';
import { upperBound } from './upper-bound.js';

const at = (day: number, hour: number, minutes = 0) =>
  `2027-05-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00+09:00`;

function instance(overrides: Partial<PlannerInstance>): PlannerInstance {
  return { version: 1, fairness: 0.05, volunteers: [], requests: [], candidates: [], ...overrides };
}

function valueOf(input: PlannerInstance, assignments = plan(input).assignments) {
  const model = compile(input);
  expect(planProblems(model, { assignments })).toEqual([]);
  return objectiveOf(model, edgesOf(model, { assignments }));
}

/** The optimum by trying every subset of candidate pairs (tiny instances only). */
function bruteForce(input: PlannerInstance): number {
  const model = compile(input);
  const pairs = input.candidates.length;
  let best = 0;
  for (let mask = 0; mask < 1 << pairs; mask++) {
    const assignments = input.candidates.filter((_, i) => mask & (1 << i)).map(({ v, r }) => ({ v, r }));
    if (planProblems(model, { assignments }).length > 0) continue;
    best = Math.max(best, objectiveOf(model, edgesOf(model, { assignments })));
  }
  return best;
}

/** Suzuki can take either request, Tanaka only the school's; greedy gives Suzuki to the school. */
function twoRequestsOneInstructor({ tanakaRecent = 0 } = {}): PlannerInstance {
  return instance({
    volunteers: [
      { id: 'suzuki', cap: 1, recent: 0 },
      { id: 'tanaka', cap: 1, recent: tanakaRecent },
    ],
    requests: [
      { id: 'taira-school', need: 1, slots: [[at(10, 9), at(10, 10)]] },
      { id: 'onahama-course', need: 1, slots: [[at(11, 9), at(11, 10)]] },
    ],
    candidates: [
      { v: 'suzuki', r: 'taira-school', score: 0.9 },
      { v: 'tanaka', r: 'taira-school', score: 0.8 },
      { v: 'suzuki', r: 'onahama-course', score: 0.7 },
    ],
  });
}

/** Random tiny instances: a few residents and requests on three mornings, up to 11 candidate pairs. */
const tinyInstances = fc
  .record({
    fairness: fc.constantFrom(0, 0.05, 0.3),
    volunteers: fc.array(
      fc.record({ cap: fc.integer({ min: 0, max: 3 }), recent: fc.integer({ min: 0, max: 8 }) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    requests: fc.array(
      fc.record({
        need: fc.integer({ min: 0, max: 3 }),
        slots: fc.uniqueArray(
          fc.record({ day: fc.integer({ min: 10, max: 12 }), hour: fc.integer({ min: 9, max: 11 }) }),
          {
            minLength: 1,
            maxLength: 2,
            selector: (slot) => `${slot.day}-${slot.hour}`,
          },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    pairs: fc.uniqueArray(
      fc.record({ v: fc.nat(3), r: fc.nat(3), score: fc.double({ min: 0, max: 1, noNaN: true }) }),
      {
        maxLength: 11,
        selector: (pair) => `${pair.v}-${pair.r}`,
      },
    ),
  })
  .map(({ fairness, volunteers, requests, pairs }) =>
    instance({
      fairness,
      volunteers: volunteers.map((volunteer, i) => ({ id: `v${i}`, ...volunteer })),
      requests: requests.map(({ need, slots }, i) => ({
        id: `r${i}`,
        need,
        slots: slots.map(({ day, hour }): [string, string] => [at(day, hour), at(day, hour + 1, 30)]),
      })),
      candidates: pairs
        .filter((pair) => pair.v < volunteers.length && pair.r < requests.length)
        .map(({ v, r, score }) => ({ v: `v${v}`, r: `r${r}`, score })),
    }),
  );

describe('The matching planner', () => {
  it('gives the one instructor to the request that has no one else, where greedy takes them for the first', () => {
    const input = twoRequestsOneInstructor();
    const model = compile(input);
    expect(greedyOneRequestAtATime(model).filled).toEqual(Int32Array.from([1, 0]));
    expect(plan(input).assignments).toEqual(
      expect.arrayContaining([
        { v: 'tanaka', r: 'taira-school' },
        { v: 'suzuki', r: 'onahama-course' },
      ]),
    );
  });

  it('does not give a course to an instructor busy for one of its sessions', () => {
    const course: [string, string][] = [10, 17, 24].map((day) => [at(day, 14), at(day, 16)]);
    const input = instance({
      volunteers: [{ id: 'sato', cap: 3, recent: 0 }],
      requests: [
        { id: 'smartphone-course', need: 1, slots: course },
        { id: 'school-visit', need: 1, slots: [[at(17, 15), at(17, 16)]] },
      ],
      candidates: [
        { v: 'sato', r: 'smartphone-course', score: 0.6 },
        { v: 'sato', r: 'school-visit', score: 0.9 },
      ],
    });
    expect(plan(input).assignments).toHaveLength(1);
    expect(valueOf(input)).toBeCloseTo(1.9);
  });

  it('prefers a newcomer to a resident with many recent activities when their scores are equal', () => {
    const input = instance({
      volunteers: [
        { id: 'popular', cap: 4, recent: 9 },
        { id: 'newcomer', cap: 4, recent: 0 },
      ],
      requests: [{ id: 'talk', need: 1, slots: [[at(10, 10), at(10, 11)]] }],
      candidates: [
        { v: 'popular', r: 'talk', score: 0.8 },
        { v: 'newcomer', r: 'talk', score: 0.8 },
      ],
    });
    expect(plan(input).assignments).toEqual([{ v: 'newcomer', r: 'talk' }]);
  });

  it('finds the optimum of tiny instances (checked against trying every subset)', () => {
    fc.assert(
      fc.property(tinyInstances, (input) => {
        expect(valueOf(input)).toBeCloseTo(bruteForce(input), 9);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps its local search feasible, never below the optimum’s bound and never below greedy', () => {
    fc.assert(
      fc.property(tinyInstances, (input) => {
        const model = compile(input);
        const bound = upperBound(solve(model, { exactUpTo: 0 }));
        const value = valueOf(input, plan(input, { exactUpTo: 0 }).assignments);
        const greedy = objectiveOf(model, greedyOneRequestAtATime(model).edges());
        expect(value).toBeGreaterThanOrEqual(greedy - 1e-9);
        expect(value).toBeLessThanOrEqual(bruteForce(input) + 1e-9);
        expect(bound).toBeGreaterThanOrEqual(bruteForce(input) - 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('splits an instance into parts that share no one, whose plans joined are the optimum of the whole', () => {
    fc.assert(
      fc.property(tinyInstances, fc.integer({ min: 1, max: 6 }), (input, pairsPerPart) => {
        const parts = partition(input, pairsPerPart);
        const ids = (key: 'volunteers' | 'requests') => parts.flatMap((part) => part[key].map((x) => x.id));
        expect(new Set(ids('volunteers')).size).toBe(ids('volunteers').length);
        expect(new Set(ids('requests')).size).toBe(ids('requests').length);
        expect(parts.flatMap((part) => part.candidates)).toHaveLength(input.candidates.length);
        // Every part but the last is at least as big as asked.
        for (const part of parts.slice(0, -1))
          expect(part.candidates.length).toBeGreaterThanOrEqual(pairsPerPart);
        const planned = parts.map((part) => planExplained(part));
        const joined = planned.flatMap((part) => part.assignments.map(({ v, r }) => ({ v, r })));
        expect(valueOf(input, joined)).toBeCloseTo(bruteForce(input), 9);
        expect(planned.reduce((sum, part) => sum + part.objective, 0)).toBeCloseTo(bruteForce(input), 9);
      }),
      { numRuns: 200 },
    );
  });

  it('names every problem of a bad instance instead of planning', () => {
    const bad = {
      version: 1,
      fairness: 0.05,
      volunteers: [
        { id: 'v1', cap: 1, recent: 0 },
        { id: 'v1', cap: 1, recent: 0 },
      ],
      requests: [{ id: 'r1', need: -1, slots: [[at(10, 11), at(10, 10)]] }],
      candidates: [
        { v: 'v9', r: 'r1', score: 0.5 },
        { v: 'v1', r: 'r1', score: 1.5 },
      ],
    };
    expect(() => parseInstance(bad)).toThrow(InvalidInstanceError);
    expect(() => parseInstance(bad)).toThrow(
      expect.objectContaining({
        problems: [
          'volunteers[1].id: duplicate volunteer id "v1"',
          'requests[0].need: must be an integer ≥ 0',
          'requests[0].slots[0]: ends before it starts',
          'candidates[0].v: unknown volunteer "v9"',
          'candidates[1].score: must be a number in [0, 1]',
        ],
      }),
    );
    expect(() => parseInstance('not json')).toThrow('the instance must be a JSON object');
  });
});

describe('What the planner gave up', () => {
  it('says the instructor went to the request that had no other candidate', () => {
    const input = twoRequestsOneInstructor({ tanakaRecent: 2 });
    const model = compile(input);
    const { assignment } = solve(model);
    const explanations = [...explainPlan(assignment).entries()].map(([e, explanation]) => [
      model.requestIds[model.edgeRequest[e]],
      explanation,
    ]);
    expect(explanations).toContainEqual([
      'taira-school',
      {
        recentActivities: 2,
        plannedActivities: 1,
        fairnessCost: 0.1,
        alternatives: [
          {
            volunteerId: 'suzuki',
            score: 0.9,
            reason: 'assignedElsewhere',
            elsewhere: [{ requestId: 'onahama-course', candidates: 1 }],
          },
        ],
      },
    ]);
  });
});
