import type { Assignment } from './assignment.js';
import { conflicts } from './instance.js';

const EPSILON = 1e-9;

/** A change that makes the plan better by `delta`, and how to apply it. */
interface Move {
  delta: number;
  apply: () => void;
}

/**
 * Improves a feasible assignment of one component until no move helps, keeping it feasible:
 * - fill an open seat, directly or by an ejection chain (the wanted volunteer gives up one request,
 *   which is then refilled by someone else);
 * - hand a seat to a better-placed volunteer (a better score, or someone with fewer recent activities);
 * - drop a pair that costs more in fairness than it is worth.
 * Every move is applied only when it raises the objective, so the result is never worse than the start.
 */
export function improve(
  assignment: Assignment,
  requests: ArrayLike<number>,
  { maxDepth = 3, maxPasses = 100 }: { maxDepth?: number; maxPasses?: number } = {},
): void {
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i];
      for (;;) {
        const move = assignment.hasOpenSeat(r) ? bestFill(assignment, r, maxDepth) : null;
        if (!move || move.delta <= EPSILON) break;
        move.apply();
        improved = true;
      }
      improved = replaceWeakest(assignment, r, maxDepth) || improved;
    }
    improved = dropLossMaking(assignment, requests) || improved;
    if (!improved) return;
  }
}

/** One link of a chain: edge e is chosen, after its volunteer gives up edge `out` (or -1: nothing). */
interface Link {
  e: number;
  out: number;
}

/**
 * The best ejection chain into an open seat of request `start`: a volunteer takes the seat, giving up at
 * most one request of theirs, whose seat another volunteer takes, and so on, up to `maxDepth` links;
 * the chain may end with a free volunteer taking the last seat, or leave it open. Each request and
 * volunteer appears once. Evaluated on the current state (the volunteers on a chain are distinct, so
 * each one's schedule is as it is now); null when no chain exists.
 */
function bestChain(
  assignment: Assignment,
  start: number,
  maxDepth: number,
  bannedVolunteer = -1,
): { gain: number; links: Link[] } | null {
  const { model } = assignment;
  let best: { gain: number; links: Link[] } | null = null;
  const links: Link[] = [];
  const requestsOnChain = [start];
  const volunteersOnChain = [bannedVolunteer];
  const extend = (r: number, gain: number) => {
    for (let i = model.requestEdgeStart[r]; i < model.requestEdgeStart[r + 1]; i++) {
      const e = model.requestEdges[i];
      const v = model.edgeVolunteer[e];
      if (assignment.chosen[e] || volunteersOnChain.includes(v)) continue;
      // No link can add more than a pair's whole value.
      if (best && gain + model.edgeValue[e] <= best.gain) continue;
      if (assignment.volunteerCanTake(e)) {
        const total = gain + assignment.gainOf(e);
        if (!best || total > best.gain) best = { gain: total, links: [...links, { e, out: -1 }] };
        continue;
      }
      if (links.length + 1 >= maxDepth) continue;
      const out = ejectionFor(assignment, e);
      if (out < 0 || requestsOnChain.includes(model.edgeRequest[out])) continue;
      const swapped = gain + model.edgeValue[e] - model.edgeValue[out];
      links.push({ e, out });
      if (!best || swapped > best.gain) best = { gain: swapped, links: [...links] };
      requestsOnChain.push(model.edgeRequest[out]);
      volunteersOnChain.push(v);
      extend(model.edgeRequest[out], swapped);
      requestsOnChain.pop();
      volunteersOnChain.pop();
      links.pop();
    }
  };
  extend(start, 0);
  return best;
}

function applyChain(assignment: Assignment, links: Link[]): void {
  for (const { e, out } of links) {
    if (out >= 0) assignment.remove(out);
    assignment.add(e);
  }
}

/** Fill an open seat of r by the best ejection chain. */
function bestFill(assignment: Assignment, r: number, maxDepth: number): Move | null {
  const chain = bestChain(assignment, r, maxDepth);
  return chain && { delta: chain.gain, apply: () => applyChain(assignment, chain.links) };
}

/**
 * Which one of its requests the volunteer of edge e would give up to take e's request: the only one it
 * clashes with, or (when e clashes with none and only the cap stands in the way) the least valuable.
 * -1 when no single ejection makes room.
 */
function ejectionFor(assignment: Assignment, e: number): number {
  const { model } = assignment;
  const request = model.edgeRequest[e];
  let clash = -1;
  let weakest = -1;
  for (const other of assignment.held[model.edgeVolunteer[e]]) {
    if (conflicts(model, request, model.edgeRequest[other])) {
      if (clash >= 0) return -1;
      clash = other;
    }
    if (weakest < 0 || model.edgeValue[other] < model.edgeValue[weakest]) weakest = other;
  }
  return clash >= 0 ? clash : weakest;
}

/**
 * Give one of r's seats to someone who adds more there than its holder: directly, or by an ejection
 * chain started from the freed seat.
 */
function replaceWeakest(assignment: Assignment, r: number, maxDepth: number): boolean {
  const { model } = assignment;
  let improved = false;
  for (let i = model.requestEdgeStart[r]; i < model.requestEdgeStart[r + 1]; i++) {
    const held = model.requestEdges[i];
    if (!assignment.chosen[held]) continue;
    const contribution = assignment.contributionOf(held);
    assignment.remove(held);
    const chain = bestChain(assignment, r, maxDepth, model.edgeVolunteer[held]);
    if (chain && chain.gain - contribution > EPSILON) {
      applyChain(assignment, chain.links);
      improved = true;
    } else {
      assignment.add(held);
    }
  }
  return improved;
}

/** A volunteer's last activity costs the most; drop pairs worth less than that. */
function dropLossMaking(assignment: Assignment, requests: ArrayLike<number>): boolean {
  const { model } = assignment;
  let improved = false;
  for (let i = 0; i < requests.length; i++) {
    const r = requests[i];
    for (let j = model.requestEdgeStart[r]; j < model.requestEdgeStart[r + 1]; j++) {
      const e = model.requestEdges[j];
      if (assignment.chosen[e] && assignment.contributionOf(e) < -EPSILON) {
        assignment.remove(e);
        improved = true;
      }
    }
  }
  return improved;
}

/**
 * Iterated local search for components small enough to afford it: free the seats of a few requests at
 * random, improve again, and keep the result only when it is better. Deterministic for a given start.
 */
export function perturbAndImprove(
  assignment: Assignment,
  component: { requests: ArrayLike<number>; volunteers: ArrayLike<number>; edges: ArrayLike<number> },
  rounds: number,
): void {
  const { model } = assignment;
  let seed = 0x9e3779b9;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  let bestValue = assignment.objectiveWithin(component.volunteers);
  let bestEdges = Array.from(component.edges).filter((e) => assignment.chosen[e]);
  const freed = Math.max(2, Math.round(component.requests.length * 0.15));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < freed; k++) {
      const r = component.requests[Math.floor(random() * component.requests.length)];
      for (let i = model.requestEdgeStart[r]; i < model.requestEdgeStart[r + 1]; i++) {
        const e = model.requestEdges[i];
        if (assignment.chosen[e]) assignment.remove(e);
      }
    }
    improve(assignment, shuffled(component.requests, random));
    const value = assignment.objectiveWithin(component.volunteers);
    if (value > bestValue + EPSILON) {
      bestValue = value;
      bestEdges = Array.from(component.edges).filter((e) => assignment.chosen[e]);
    } else {
      for (let i = 0; i < component.edges.length; i++) {
        if (assignment.chosen[component.edges[i]]) assignment.remove(component.edges[i]);
      }
      for (const e of bestEdges) assignment.add(e);
    }
  }
}

function shuffled(items: ArrayLike<number>, random: () => number): number[] {
  const copy = Array.from(items);
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
