import type { Assignment } from './assignment.js';

/**
 * The optimum of a small component by branch and bound over its pairs, best first; null when the
 * search would take more than `nodeBudget` steps. On success the assignment holds the optimum.
 */
export function solveExactly(
  assignment: Assignment,
  componentEdges: ArrayLike<number>,
  nodeBudget = 1_000_000,
): boolean {
  const { model } = assignment;
  const edges = Array.from(componentEdges).sort((a, b) => model.edgeValue[b] - model.edgeValue[a] || a - b);
  for (const e of edges) if (assignment.chosen[e]) assignment.remove(e);
  // No pair can add more than its value less its volunteer's cheapest unit of fairness.
  const optimistic = new Float64Array(edges.length + 1);
  for (let i = edges.length - 1; i >= 0; i--) {
    const e = edges[i];
    const best = model.edgeValue[e] - model.fairness * model.recent[model.edgeVolunteer[e]];
    optimistic[i] = optimistic[i + 1] + Math.max(0, best);
  }
  let bestValue = 0;
  let bestEdges: number[] = [];
  const path: number[] = [];
  let nodes = 0;
  const search = (i: number, value: number): boolean => {
    if (++nodes > nodeBudget) return false;
    if (value > bestValue + 1e-12) {
      bestValue = value;
      bestEdges = [...path];
    }
    if (i === edges.length || value + optimistic[i] <= bestValue + 1e-12) return true;
    const e = edges[i];
    const gain = assignment.gainOf(e);
    if (gain > 0 && assignment.canAdd(e)) {
      assignment.add(e);
      path.push(e);
      const finished = search(i + 1, value + gain);
      path.pop();
      assignment.remove(e);
      if (!finished) return false;
    }
    return search(i + 1, value);
  };
  const finished = search(0, 0);
  if (finished) for (const e of bestEdges) assignment.add(e);
  return finished;
}
