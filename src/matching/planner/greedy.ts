import { Assignment } from './assignment.js';
import type { Model } from './instance.js';

/**
 * Today's way, the baseline: requests one at a time, earliest first, each taking its best candidates
 * (score minus fairness cost) among those still free. What it takes, later requests cannot have.
 */
export function greedyOneRequestAtATime(model: Model): Assignment {
  const assignment = new Assignment(model);
  const order = Array.from(model.need, (_, r) => r).sort(
    (a, b) => firstStart(model, a) - firstStart(model, b) || a - b,
  );
  for (const r of order) {
    const edges = Array.from(
      model.requestEdges.subarray(model.requestEdgeStart[r], model.requestEdgeStart[r + 1]),
    );
    edges.sort((a, b) => assignment.gainOf(b) - assignment.gainOf(a) || a - b);
    for (const e of edges) {
      if (assignment.filled[r] >= model.need[r]) break;
      if (assignment.gainOf(e) > 0 && assignment.canAdd(e)) assignment.add(e);
    }
  }
  return assignment;
}

function firstStart(model: Model, r: number): number {
  return model.requestSlotStart[r] < model.requestSlotStart[r + 1]
    ? model.slotStart[model.requestSlotStart[r]]
    : 0;
}

/**
 * All requests at once: repeatedly the pair that adds most to the objective right now. A volunteer's
 * gains fall as they take on more, so stale heap entries are re-queued with their current gain.
 */
export function greedyBestPairFirst(model: Model, edges: ArrayLike<number>): Assignment {
  const assignment = new Assignment(model);
  const heap = new MaxHeap(edges.length);
  for (let i = 0; i < edges.length; i++) heap.push(edges[i], assignment.gainOf(edges[i]));
  while (heap.size > 0) {
    const [e, key] = heap.pop();
    const gain = assignment.gainOf(e);
    if (gain <= 0) continue;
    if (gain < key) {
      heap.push(e, gain);
      continue;
    }
    if (assignment.canAdd(e)) assignment.add(e);
  }
  return assignment;
}

/** A binary max-heap of edges keyed by gain, in typed arrays (millions of entries at prefecture size). */
class MaxHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
  }

  push(item: number, key: number): void {
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] >= key) break;
      this.items[i] = this.items[parent];
      this.keys[i] = this.keys[parent];
      i = parent;
    }
    this.items[i] = item;
    this.keys[i] = key;
  }

  pop(): [number, number] {
    const top: [number, number] = [this.items[0], this.keys[0]];
    const item = this.items[--this.size];
    const key = this.keys[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] > this.keys[child]) child++;
      if (this.keys[child] <= key) break;
      this.items[i] = this.items[child];
      this.keys[i] = this.keys[child];
      i = child;
    }
    this.items[i] = item;
    this.keys[i] = key;
    return top;
  }
}
