/**
 * `npm run bench:matching -- --generate S|M|L --seed N [--out plan.json] [--save instance.json]`
 * `npm run bench:matching -- --instance file.json [--out plan.json]`
 *
 * Plans one instance with the planner and with the one-request-at-a-time greedy baseline, and prints,
 * side by side: objective, % of the exact optimum (HiGHS, where it finishes) or of the planner's upper
 * bound, seats filled, the Gini coefficient of activities per resident (recent ones included), wall
 * time and peak memory.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { objectiveOf, type Assignment } from '../../src/matching/planner/assignment.js';
import { greedyOneRequestAtATime } from '../../src/matching/planner/greedy.js';
import {
  compile,
  InvalidInstanceError,
  parseInstance,
  type Model,
  type PlannerInstance,
} from '../../src/matching/planner/instance.js';
import { toPlan } from '../../src/matching/planner/plan.js';
import { solve } from '../../src/matching/planner/planner.js';
import { upperBound } from '../../src/matching/planner/upper-bound.js';
import { cityInstance, SIZES, type Size } from './city-instance.js';
import { solveMip } from './exact-mip.js';

const { values } = parseArgs({
  options: {
    generate: { type: 'string' },
    seed: { type: 'string', default: '1' },
    instance: { type: 'string' },
    save: { type: 'string' },
    out: { type: 'string' },
    'mip-seconds': { type: 'string', default: '120' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function loadInstance(): Promise<PlannerInstance> {
  if (values.instance) {
    const text = await readFile(values.instance, 'utf8').catch((error: Error) =>
      fail(`Cannot read ${values.instance}: ${error.message}`),
    );
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      fail(`${values.instance} is not JSON: ${(error as Error).message}`);
    }
    return parseInstance(json);
  }
  const size = values.generate as Size;
  if (!(size in SIZES)) fail('Give --generate S|M|L (with --seed N) or --instance file.json');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) fail('--seed must be an integer');
  return cityInstance(size, seed);
}

/** Gini coefficient of activities per resident (recent plus new): 0 when everyone has the same. */
function gini(model: Model, assignment: Assignment): number {
  const counts = Array.from(model.recent, (recent, v) => recent + assignment.load[v]).sort((a, b) => a - b);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return 0;
  const weighted = counts.reduce((sum, count, i) => sum + (i + 1) * count, 0);
  return (2 * weighted) / (counts.length * total) - (counts.length + 1) / counts.length;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

async function main(): Promise<void> {
  const started = performance.now();
  const instance = await loadInstance().catch((error: unknown) => {
    if (error instanceof InvalidInstanceError) fail(error.message);
    throw error;
  });
  if (values.save) await writeFile(values.save, JSON.stringify(instance));
  const model = compile(instance);
  const seats = model.need.reduce((sum, need) => sum + need, 0);
  console.log(
    `instance: ${model.cap.length} volunteers, ${model.need.length} requests (${seats} seats), ${model.edgeValue.length} candidate pairs; ready in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );

  let clock = performance.now();
  const greedy = greedyOneRequestAtATime(model);
  const greedySeconds = (performance.now() - clock) / 1000;
  clock = performance.now();
  const planned = solve(model);
  const planSeconds = (performance.now() - clock) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  clock = performance.now();
  const bound = upperBound(planned);
  const boundSeconds = (performance.now() - clock) / 1000;

  const mip = model.edgeValue.length <= 60_000 ? await solveMip(model, Number(values['mip-seconds'])) : null;
  const reference = mip?.optimum ?? bound;
  const referenceName = mip?.optimum != null ? 'exact optimum (HiGHS)' : 'upper bound (Lagrangian)';
  const row = (name: string, assignment: Assignment, seconds: number) => {
    const objective = objectiveOf(model, assignment.edges());
    const filled = assignment.filled.reduce((sum, count) => sum + count, 0);
    return [
      name.padEnd(10),
      objective.toFixed(3).padStart(12),
      `${((100 * objective) / reference).toFixed(3)}%`.padStart(9),
      `${filled}/${seats}`.padStart(13),
      gini(model, assignment).toFixed(4).padStart(7),
      `${seconds.toFixed(3)} s`.padStart(10),
    ].join('  ');
  };
  console.log(
    `${'method'.padEnd(10)}  ${'objective'.padStart(12)}  ${'of ref.'.padStart(9)}  ${'seats filled'.padStart(13)}  ${'Gini'.padStart(7)}  ${'time'.padStart(10)}`,
  );
  console.log(row('planner', planned.assignment, planSeconds));
  console.log(row('greedy', greedy, greedySeconds));
  console.log(
    `reference: ${referenceName} = ${reference.toFixed(3)}${mip ? ` (HiGHS ${mip.status} in ${mip.seconds.toFixed(1)} s)` : ''}`,
  );
  console.log(
    `planner upper bound: ${bound.toFixed(3)} (${boundSeconds.toFixed(2)} s, not in the planner's time); components: ${planned.components.length} (${planned.exact.filter(Boolean).length} solved exactly)`,
  );
  console.log(`peak memory (RSS) while planning: ${megabytes(peak)}`);
  if (values.out) await writeFile(values.out, JSON.stringify(toPlan(model, planned.assignment.edges())));
}

await main();
