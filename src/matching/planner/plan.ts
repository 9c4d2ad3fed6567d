import { conflicts, type Model, type Plan } from './instance.js';

const pairKey = (v: string, r: string) => `${v}\u0000${r}`;

function edgeIndex(model: Model): Map<string, number> {
  const index = new Map<string, number>();
  for (let e = 0; e < model.edgeValue.length; e++) {
    index.set(pairKey(model.volunteerIds[model.edgeVolunteer[e]], model.requestIds[model.edgeRequest[e]]), e);
  }
  return index;
}

export function toPlan(model: Model, edges: Iterable<number>): Plan {
  return {
    assignments: [...edges].map((e) => ({
      v: model.volunteerIds[model.edgeVolunteer[e]],
      r: model.requestIds[model.edgeRequest[e]],
    })),
  };
}

/**
 * What is wrong with a plan, in words: pairs that are not candidates or repeat, requests over their need,
 * volunteers over their cap or holding two clashing requests. Empty when the plan is feasible.
 */
export function planProblems(model: Model, plan: Plan): string[] {
  const edgeOfPair = edgeIndex(model);
  const problems: string[] = [];
  const seen = new Set<number>();
  const filled = new Int32Array(model.need.length);
  const held: number[][] = Array.from({ length: model.cap.length }, () => []);
  plan.assignments.forEach(({ v, r }, i) => {
    const e = edgeOfPair.get(pairKey(v, r));
    if (e === undefined) return problems.push(`assignments[${i}]: (${v}, ${r}) is not a candidate pair`);
    if (seen.has(e)) return problems.push(`assignments[${i}]: (${v}, ${r}) appears twice`);
    seen.add(e);
    filled[model.edgeRequest[e]]++;
    held[model.edgeVolunteer[e]].push(model.edgeRequest[e]);
  });
  filled.forEach((count, r) => {
    if (count > model.need[r])
      problems.push(`request ${model.requestIds[r]}: ${count} assigned, needs ${model.need[r]}`);
  });
  held.forEach((requests, v) => {
    const id = model.volunteerIds[v];
    if (requests.length > model.cap[v])
      problems.push(`volunteer ${id}: ${requests.length} assigned, cap ${model.cap[v]}`);
    for (let i = 0; i < requests.length; i++) {
      for (let j = i + 1; j < requests.length; j++) {
        if (conflicts(model, requests[i], requests[j])) {
          problems.push(
            `volunteer ${id}: ${model.requestIds[requests[i]]} and ${model.requestIds[requests[j]]} overlap`,
          );
        }
      }
    }
  });
  return problems;
}

/** The edges of a feasible plan (check it with {@link planProblems} first). */
export function edgesOf(model: Model, plan: Plan): number[] {
  const edgeOfPair = edgeIndex(model);
  return plan.assignments.map(({ v, r }) => edgeOfPair.get(pairKey(v, r))!);
}
