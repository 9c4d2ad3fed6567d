import type { Assignment } from './assignment.js';

/** Why a candidate of a request is not the one planned for it. */
export type GaveUpReason =
  /** They were planned for other requests (`elsewhere`), where they add more to the city's plan. */
  | 'assignedElsewhere'
  /** They were free, but the planned volunteer adds more here (a better score or fewer recent activities). */
  | 'lessValueHere';

export interface Alternative {
  volunteerId: string;
  score: number;
  reason: GaveUpReason;
  /** The requests they went to, each with how many candidates it had in all. */
  elsewhere: { requestId: string; candidates: number }[];
}

/** What the plan says about one of its pairs, beyond the score. */
export interface PairExplanation {
  /** The volunteer's activities counted for fairness (recent and confirmed), and the plan's new ones. */
  recentActivities: number;
  plannedActivities: number;
  /** The fairness cost of this pair: its share of the volunteer's growing cost. */
  fairnessCost: number;
  /** The best other candidates of the request, and why each went elsewhere or was not chosen. */
  alternatives: Alternative[];
}

/** For every chosen edge, what the planner gave up for it (its best `limit` alternatives). */
export function explainPlan(assignment: Assignment, limit = 3): Map<number, PairExplanation> {
  const { model } = assignment;
  const explanations = new Map<number, PairExplanation>();
  for (const e of assignment.edges()) {
    const v = model.edgeVolunteer[e];
    const r = model.edgeRequest[e];
    const n = assignment.load[v];
    const others: number[] = [];
    for (let i = model.requestEdgeStart[r]; i < model.requestEdgeStart[r + 1]; i++) {
      const other = model.requestEdges[i];
      if (!assignment.chosen[other]) others.push(other);
    }
    others.sort((a, b) => model.edgeValue[b] - model.edgeValue[a] || a - b);
    explanations.set(e, {
      recentActivities: model.recent[v],
      plannedActivities: n,
      fairnessCost: round(model.fairness * (model.recent[v] + (n - 1) / 2)),
      alternatives: others.slice(0, limit).map((other) => {
        const elsewhere = assignment.held[model.edgeVolunteer[other]].map((held) => {
          const request = model.edgeRequest[held];
          return {
            requestId: model.requestIds[request],
            candidates: model.requestEdgeStart[request + 1] - model.requestEdgeStart[request],
          };
        });
        return {
          volunteerId: model.volunteerIds[model.edgeVolunteer[other]],
          score: round(model.edgeValue[other] - 1),
          reason: elsewhere.length > 0 ? 'assignedElsewhere' : 'lessValueHere',
          elsewhere,
        };
      }),
    });
  }
  return explanations;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
