import highsModule from 'highs';
import { conflicts, type Model } from '../../src/matching/planner/instance.js';

// The package's types describe a CommonJS module whose `default` is the loader; its ESM build, which
// Node loads here, exports the loader itself.
const loadHighs: typeof highsModule.default =
  typeof highsModule === 'function' ? highsModule : highsModule.default;

export interface MipResult {
  status: string;
  /** The proven optimum, when HiGHS finished. */
  optimum: number | null;
  seconds: number;
}

/**
 * The exact optimum by mixed-integer programming (HiGHS): x_e ∈ {0,1} per candidate pair; the fairness
 * cost as units y_vk ∈ [0,1] priced fairness·(recent + k − 1), which fill in order because the cost
 * grows; seats, caps, and x_a + x_b ≤ 1 for every clashing pair of one volunteer's candidates.
 */
export async function solveMip(model: Model, timeLimitSeconds: number): Promise<MipResult> {
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  for (let e = 0; e < model.edgeValue.length; e++) {
    objective.push(`+ ${model.edgeValue[e]} x${e}`);
    binaries.push(`x${e}`);
  }
  for (let r = 0; r < model.need.length; r++) {
    const edges = model.requestEdges.subarray(model.requestEdgeStart[r], model.requestEdgeStart[r + 1]);
    if (edges.length > 0)
      rows.push(`seats${r}: ${Array.from(edges, (e) => `+ x${e}`).join(' ')} <= ${model.need[r]}`);
  }
  for (let v = 0; v < model.cap.length; v++) {
    const edges = Array.from(
      model.volunteerEdges.subarray(model.volunteerEdgeStart[v], model.volunteerEdgeStart[v + 1]),
    );
    if (edges.length === 0) continue;
    const units = Array.from({ length: Math.min(model.cap[v], edges.length) }, (_, k) => `y${v}_${k + 1}`);
    units.forEach((unit, k) => {
      objective.push(`- ${model.fairness * (model.recent[v] + k)} ${unit}`);
      bounds.push(`0 <= ${unit} <= 1`);
    });
    rows.push(
      `load${v}: ${edges.map((e) => `+ x${e}`).join(' ')} ${units.map((unit) => `- ${unit}`).join(' ')} = 0`,
    );
    for (let i = 0; i < edges.length; i++) {
      for (let j = i + 1; j < edges.length; j++) {
        if (conflicts(model, model.edgeRequest[edges[i]], model.edgeRequest[edges[j]])) {
          rows.push(`clash${edges[i]}_${edges[j]}: + x${edges[i]} + x${edges[j]} <= 1`);
        }
      }
    }
  }
  const lp = [
    'Maximize',
    ` total: ${objective.join(' ') || '0 x0'}`,
    'Subject To',
    ...rows.map((row) => ` ${row}`),
    'Bounds',
    ...bounds.map((bound) => ` ${bound}`),
    'Binary',
    ...binaries.map((name) => ` ${name}`),
    'End',
  ].join('\n');
  const highs = await loadHighs();
  const started = performance.now();
  const solution = highs.solve(lp, { time_limit: timeLimitSeconds, mip_rel_gap: 1e-9, output_flag: false });
  return {
    status: solution.Status,
    optimum: solution.Status === 'Optimal' ? solution.ObjectiveValue : null,
    seconds: (performance.now() - started) / 1000,
  };
}
