import { compile, type PlannerInstance } from './instance.js';
import { componentsOf } from './planner.js';

/**
 * Splits an instance into independent parts, each a group of whole components of the candidate graph,
 * so no volunteer or request appears in two parts. The objective is a sum over volunteers, and each
 * volunteer's pairs all fall in one part: planning the parts apart, on as many workers as there are, and
 * joining their plans gives exactly the plan of the whole. Small components are packed together until a
 * part has `pairsPerPart` pairs, so a city of many small clusters does not become thousands of jobs; a
 * component larger than that stays whole. Residents and requests without any candidate are left out:
 * there is nothing to plan for them.
 */
export function partition(instance: PlannerInstance, pairsPerPart: number): PlannerInstance[] {
  const model = compile(instance);
  const parts: PlannerInstance[] = [];
  let volunteers: number[] = [];
  let requests: number[] = [];
  let edges: number[] = [];
  const closePart = () => {
    parts.push({
      version: 1,
      fairness: instance.fairness,
      volunteers: volunteers.map((v) => instance.volunteers[v]),
      requests: requests.map((r) => instance.requests[r]),
      candidates: edges.map((e) => instance.candidates[e]),
    });
    [volunteers, requests, edges] = [[], [], []];
  };
  for (const component of componentsOf(model)) {
    // One by one: spreading a component of a hundred thousand into push() would overflow the stack.
    for (const v of component.volunteers) volunteers.push(v);
    for (const r of component.requests) requests.push(r);
    for (const e of component.edges) edges.push(e);
    if (edges.length >= pairsPerPart) closePart();
  }
  if (edges.length > 0) closePart();
  return parts;
}
