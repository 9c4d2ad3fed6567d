import type { Assignment } from './assignment.js';
import type { Solution } from './planner.js';

/** Arrays by request index, shared by all components (each touches only its own requests). */
interface BoundScratch {
  price: Float64Array;
  taken: Int32Array;
}

/**
 * At least the optimum of the whole instance: the plan's own value for components solved exactly, a
 * Lagrangian bound for the others. For measuring how good a plan is; planning does not need it.
 */
export function upperBound({ assignment, components, exact }: Solution): number {
  const { need } = assignment.model;
  const scratch = { price: new Float64Array(need.length), taken: new Int32Array(need.length) };
  return components.reduce((total, component, i) => {
    const value = assignment.objectiveWithin(component.volunteers);
    return total + (exact[i] ? value : lagrangianBound(assignment, component, value, scratch));
  }, 0);
}

/**
 * An upper bound on the best objective of one component, by Lagrangian relaxation: each request's seat
 * limit is priced (u_r ≥ 0) instead of enforced, and clashes are ignored, so every volunteer simply takes
 * the candidates worth most to them after prices and fairness cost. For any prices that is at least the
 * optimum; subgradient steps (Polyak's rule, aiming at the plan found) lower it.
 */
function lagrangianBound(
  assignment: Assignment,
  component: { volunteers: ArrayLike<number>; requests: ArrayLike<number> },
  planValue: number,
  { price, taken }: BoundScratch,
  iterations = 80,
): number {
  const { model } = assignment;
  const { requests, volunteers } = component;
  // Start from what the plan says a seat is worth: the weakest contribution in a full request.
  for (let i = 0; i < requests.length; i++) {
    const r = requests[i];
    let weakest = Infinity;
    for (let j = model.requestEdgeStart[r]; j < model.requestEdgeStart[r + 1]; j++) {
      const e = model.requestEdges[j];
      if (assignment.chosen[e]) weakest = Math.min(weakest, assignment.contributionOf(e));
    }
    price[r] = assignment.hasOpenSeat(r) || weakest === Infinity ? 0 : Math.max(0, weakest);
  }
  const worth = (e: number) => model.edgeValue[e] - price[model.edgeRequest[e]];
  let best = Infinity;
  let step = 2;
  let sinceBest = 0;
  const top: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    let bound = 0;
    for (let i = 0; i < requests.length; i++) {
      bound += model.need[requests[i]] * price[requests[i]];
      taken[requests[i]] = 0;
    }
    for (let i = 0; i < volunteers.length; i++) {
      const v = volunteers[i];
      const cap = model.cap[v];
      top.length = 0;
      // The `cap` candidates worth most to v, in descending order (cap is small).
      for (let j = model.volunteerEdgeStart[v]; j < model.volunteerEdgeStart[v + 1]; j++) {
        const e = model.volunteerEdges[j];
        const value = worth(e);
        if (value <= model.fairness * model.recent[v]) continue;
        let k: number;
        if (top.length < cap) k = top.push(e) - 1;
        else if (cap > 0 && value > worth(top[cap - 1])) k = cap - 1;
        else continue;
        while (k > 0 && worth(top[k - 1]) < value) {
          top[k] = top[k - 1];
          k--;
        }
        top[k] = e;
      }
      for (let k = 0; k < top.length; k++) {
        const gain = worth(top[k]) - model.fairness * (model.recent[v] + k);
        if (gain <= 0) break;
        bound += gain;
        taken[model.edgeRequest[top[k]]]++;
      }
    }
    if (bound < best - 1e-12) {
      best = bound;
      sinceBest = 0;
    } else if (++sinceBest >= 5) {
      step /= 2;
      sinceBest = 0;
    }
    let norm = 0;
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i];
      const slack = model.need[r] - taken[r];
      // At u = 0 a request with seats to spare cannot lower its price further.
      if (!(price[r] <= 0 && slack > 0)) norm += slack * slack;
    }
    if (norm === 0 || best - planValue < 1e-9) break;
    const t = (step * (bound - planValue)) / norm;
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i];
      price[r] = Math.max(0, price[r] - t * (model.need[r] - taken[r]));
    }
  }
  return Math.max(best, planValue);
}
