import { conflicts, type Model } from './instance.js';

/**
 * A set of chosen candidate pairs with the counts the constraints need, kept feasible by construction:
 * every change goes through `add` / `remove`, and callers ask `canAdd` first.
 */
export class Assignment {
  readonly chosen: Uint8Array;
  /** Volunteers assigned to each request, and requests held by each volunteer. */
  readonly filled: Int32Array;
  readonly load: Int32Array;
  /** The edges each volunteer holds (short lists: at most `cap`). */
  readonly held: number[][];

  constructor(readonly model: Model) {
    this.chosen = new Uint8Array(model.edgeValue.length);
    this.filled = new Int32Array(model.need.length);
    this.load = new Int32Array(model.cap.length);
    this.held = Array.from({ length: model.cap.length }, () => []);
  }

  /** What the k-th new assignment (1-based) of volunteer v costs in fairness. */
  marginalCost(v: number, k: number): number {
    return this.model.fairness * (this.model.recent[v] + k - 1);
  }

  /** What adding edge e changes in the objective, at the volunteer's current load. */
  gainOf(e: number): number {
    const v = this.model.edgeVolunteer[e];
    return this.model.edgeValue[e] - this.marginalCost(v, this.load[v] + 1);
  }

  /** Whether the volunteer of edge e could also take its request, ignoring seats and capacity. */
  fitsSchedule(e: number, ignoring = -1): boolean {
    const request = this.model.edgeRequest[e];
    for (const other of this.held[this.model.edgeVolunteer[e]]) {
      if (other === ignoring) continue;
      const otherRequest = this.model.edgeRequest[other];
      if (otherRequest === request || conflicts(this.model, request, otherRequest)) return false;
    }
    return true;
  }

  /** Whether the volunteer of edge e could take its request on: a free unit of cap and no clash. */
  volunteerCanTake(e: number): boolean {
    const v = this.model.edgeVolunteer[e];
    return !this.chosen[e] && this.load[v] < this.model.cap[v] && this.fitsSchedule(e);
  }

  hasOpenSeat(r: number): boolean {
    return this.filled[r] < this.model.need[r];
  }

  canAdd(e: number): boolean {
    return this.hasOpenSeat(this.model.edgeRequest[e]) && this.volunteerCanTake(e);
  }

  /** What edge e, chosen, contributes: its value less the fairness cost of its volunteer's last unit. */
  contributionOf(e: number): number {
    const v = this.model.edgeVolunteer[e];
    return this.model.edgeValue[e] - this.marginalCost(v, this.load[v]);
  }

  add(e: number): void {
    const v = this.model.edgeVolunteer[e];
    this.chosen[e] = 1;
    this.filled[this.model.edgeRequest[e]]++;
    this.load[v]++;
    this.held[v].push(e);
  }

  remove(e: number): void {
    const v = this.model.edgeVolunteer[e];
    this.chosen[e] = 0;
    this.filled[this.model.edgeRequest[e]]--;
    this.load[v]--;
    const held = this.held[v];
    held.splice(held.indexOf(e), 1);
  }

  edges(): number[] {
    const edges: number[] = [];
    for (let e = 0; e < this.chosen.length; e++) if (this.chosen[e]) edges.push(e);
    return edges;
  }

  /** The objective restricted to some volunteers and the edges among them (a component). */
  objectiveWithin(volunteers: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < volunteers.length; i++) {
      const v = volunteers[i];
      const n = this.load[v];
      for (const e of this.held[v]) total += this.model.edgeValue[e];
      total -= this.model.fairness * (n * this.model.recent[v] + (n * (n - 1)) / 2);
    }
    return total;
  }
}

/** Σ (1 + score) over the chosen pairs − fairness × Σ_v Σ_{k=1..n_v} (recent_v + k − 1). */
export function objectiveOf(model: Model, edges: Iterable<number>): number {
  const load = new Int32Array(model.cap.length);
  let total = 0;
  for (const e of edges) {
    total += model.edgeValue[e];
    load[model.edgeVolunteer[e]]++;
  }
  for (let v = 0; v < load.length; v++) {
    const n = load[v];
    total -= model.fairness * (n * model.recent[v] + (n * (n - 1)) / 2);
  }
  return total;
}
