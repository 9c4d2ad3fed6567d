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
export function improve(assignment: Assignment, requests: ArrayLike<number>, maxPasses = 100): void {
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let i = 0; i < requests.length; i++) {
      const r = requests[i];
      for (;;) {
        const move = assignment.hasOpenSeat(r) ? bestFill(assignment, r) : null;
        if (!move || move.delta <= EPSILON) break;
        move.apply();
        improved = true;
      }
      improved = replaceWeakest(assignment, r) || improved;
    }
    improved = dropLossMaking(assignment, requests) || improved;
    if (!improved) return;
  }
}

/** The best edge that could fill an open seat of r as things stand, other than with `excluded`. */
function bestDirect(assignment: Assignment, r: number, excludedVolunteer = -1): Move | null {
  const { model } = assignment;
  let best: Move | null = null;
  for (let i = model.requestEdgeStart[r]; i < model.requestEdgeStart[r + 1]; i++) {
    const e = model.requestEdges[i];
    if (model.edgeVolunteer[e] === excludedVolunteer || !assignment.volunteerCanTake(e)) continue;
    const delta = assignment.gainOf(e);
    if (!best || delta > best.delta) best = { delta, apply: () => assignment.add(e) };
  }
  return best;
}

/** Fill an open seat of r: directly, or by taking a volunteer off one other request and refilling that. */
function bestFill(assignment: Assignment, r: number): Move | null {
  const { model } = assignment;
  let best = bestDirect(assignment, r);
  for (let i = model.requestEdgeStart[r]; i < model.requestEdgeStart[r + 1]; i++) {
    const e = model.requestEdges[i];
    if (assignment.chosen[e] || assignment.volunteerCanTake(e)) continue;
    const out = ejectionFor(assignment, e);
    if (out < 0) continue;
    const swap = model.edgeValue[e] - model.edgeValue[out];
    if (best && swap + bestRefillBound(assignment, model.edgeRequest[out]) <= best.delta) continue;
    assignment.remove(out);
    const refill = bestDirect(assignment, model.edgeRequest[out], model.edgeVolunteer[e]);
    assignment.add(out);
    const delta = swap + Math.max(0, refill?.delta ?? 0);
    if (!best || delta > best.delta) {
      best = {
        delta,
        apply: () => {
          assignment.remove(out);
          assignment.add(e);
          if (refill && refill.delta > 0) refill.apply();
        },
      };
    }
  }
  return best;
}

/** An optimistic bound on what refilling request r can add: its best edge value, less nothing. */
function bestRefillBound(assignment: Assignment, r: number): number {
  const { model } = assignment;
  let best = 0;
  for (let i = model.requestEdgeStart[r]; i < model.requestEdgeStart[r + 1]; i++) {
    best = Math.max(best, model.edgeValue[model.requestEdges[i]]);
  }
  return best;
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

/** Give one of r's seats to a volunteer who adds more there than its holder does. */
function replaceWeakest(assignment: Assignment, r: number): boolean {
  const { model } = assignment;
  let improved = false;
  for (let i = model.requestEdgeStart[r]; i < model.requestEdgeStart[r + 1]; i++) {
    const held = model.requestEdges[i];
    if (!assignment.chosen[held]) continue;
    const contribution = assignment.contributionOf(held);
    let best = -1;
    let bestDelta = EPSILON;
    for (let j = model.requestEdgeStart[r]; j < model.requestEdgeStart[r + 1]; j++) {
      const e = model.requestEdges[j];
      if (e === held || !assignment.volunteerCanTake(e)) continue;
      const delta = assignment.gainOf(e) - contribution;
      if (delta > bestDelta) {
        best = e;
        bestDelta = delta;
      }
    }
    if (best >= 0) {
      assignment.remove(held);
      assignment.add(best);
      improved = true;
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
