import { Assignment } from './assignment.js';
import { solveExactly } from './exact.js';
import { greedyBestPairFirst, greedyOneRequestAtATime } from './greedy.js';
import { compile, parseInstance, type Model, type Plan, type PlannerInstance } from './instance.js';
import { explainPlan, type PairExplanation } from './explain.js';
import { improve, perturbAndImprove } from './local-search.js';
import { toPlan } from './plan.js';

/** Ejection chains of three links pay off in components up to this many pairs; beyond, two. */
const DEEP_CHAINS_UP_TO = 200_000;
/** Components up to this many pairs get iterated local search, within about this many pair-visits. */
const PERTURBED_UP_TO = 20_000;
const PERTURBATION_BUDGET = 400_000;

/** Residents and requests linked by candidate pairs; no pair links two components. */
export interface Component {
  volunteers: number[];
  requests: number[];
  edges: number[];
}

export interface PlanOptions {
  /** Components with at most this many candidate pairs are solved exactly. */
  exactUpTo?: number;
}

export interface Solution {
  assignment: Assignment;
  objective: number;
  components: Component[];
  /** Which components were solved to optimality. */
  exact: boolean[];
}

/** The best fair assignment the planner finds for an instance read from JSON (checked first). */
export function plan(input: unknown, options: PlanOptions = {}): Plan {
  const model = compile(parseInstance(input));
  return toPlan(model, solve(model, options).assignment.edges());
}

/** A plan's pairs, each with what the planner gave up for it, and the plan's objective. */
export interface ExplainedPlan {
  objective: number;
  assignments: { v: string; r: string; plan: PairExplanation }[];
}

/** The plan of a checked instance, explained pair by pair (what the service proposes and shows). */
export function planExplained(instance: PlannerInstance): ExplainedPlan {
  const model = compile(instance);
  const { assignment, objective } = solve(model);
  return {
    objective,
    assignments: [...explainPlan(assignment)].map(([e, plan]) => ({
      v: model.volunteerIds[model.edgeVolunteer[e]],
      r: model.requestIds[model.edgeRequest[e]],
      plan,
    })),
  };
}

/**
 * Per component: exact branch and bound when small; otherwise the better of two greedy starts (the
 * one-request-at-a-time baseline and best-pair-first), improved by local search. Starting from the
 * baseline's own choice when it is better guarantees the plan never loses to it.
 */
export function solve(model: Model, options: PlanOptions = {}): Solution {
  const exactUpTo = options.exactUpTo ?? 18;
  const baseline = greedyOneRequestAtATime(model);
  const allEdges = Int32Array.from({ length: model.edgeValue.length }, (_, e) => e);
  const bestPairFirst = greedyBestPairFirst(model, allEdges);
  const assignment = new Assignment(model);
  let objective = 0;
  const components = componentsOf(model);
  const exact = components.map(() => false);
  for (const [i, component] of components.entries()) {
    if (component.edges.length <= exactUpTo && solveExactly(assignment, component.edges)) {
      objective += assignment.objectiveWithin(component.volunteers);
      exact[i] = true;
      continue;
    }
    const start =
      baseline.objectiveWithin(component.volunteers) >= bestPairFirst.objectiveWithin(component.volunteers)
        ? baseline
        : bestPairFirst;
    for (const e of component.edges) if (start.chosen[e]) assignment.add(e);
    improve(assignment, component.requests, {
      maxDepth: component.edges.length <= DEEP_CHAINS_UP_TO ? 3 : 2,
    });
    // Small and middling components can afford restarts; the work grows with the component.
    if (component.edges.length <= PERTURBED_UP_TO) {
      perturbAndImprove(
        assignment,
        component,
        Math.min(200, Math.ceil(PERTURBATION_BUDGET / component.edges.length)),
      );
    }
    objective += assignment.objectiveWithin(component.volunteers);
  }
  return { assignment, objective, components, exact };
}

/** Connected components of the candidate graph (union-find over volunteers and requests). */
export function componentsOf(model: Model): Component[] {
  const volunteers = model.cap.length;
  const parent = Int32Array.from({ length: volunteers + model.need.length }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let e = 0; e < model.edgeValue.length; e++) {
    const a = find(model.edgeVolunteer[e]);
    const b = find(volunteers + model.edgeRequest[e]);
    if (a !== b) parent[a] = b;
  }
  const byRoot = new Map<number, Component>();
  const componentOf = (node: number) => {
    const root = find(node);
    let component = byRoot.get(root);
    if (!component) byRoot.set(root, (component = { volunteers: [], requests: [], edges: [] }));
    return component;
  };
  for (let e = 0; e < model.edgeValue.length; e++) componentOf(model.edgeVolunteer[e]).edges.push(e);
  // Residents and requests without any candidate pair have nothing to plan.
  for (let v = 0; v < volunteers; v++) {
    if (model.volunteerEdgeStart[v + 1] > model.volunteerEdgeStart[v]) componentOf(v).volunteers.push(v);
  }
  for (let r = 0; r < model.need.length; r++) {
    if (model.requestEdgeStart[r + 1] > model.requestEdgeStart[r])
      componentOf(volunteers + r).requests.push(r);
  }
  return [...byRoot.values()];
}
