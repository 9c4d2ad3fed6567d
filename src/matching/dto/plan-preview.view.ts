/** One pair of a plan: who would be proposed for which request, and their score. */
export class PlannedPair {
  requestId: string;
  volunteerId: string;
  score: number;
}

/** The plan a coordinator would get now, and how it differs from what is proposed; nothing is written. */
export class PlanPreviewView {
  /** The planner's objective: Σ (1 + score) less the fairness cost. */
  objective: number;
  seats: { open: number; planned: number };
  /** The whole plan, for the requests the caller may see. */
  pairs: PlannedPair[];
  /** Pairs the plan would propose that are not proposed now. */
  added: PlannedPair[];
  /** Pairs proposed now that the plan would withdraw. */
  withdrawn: { requestId: string; volunteerId: string }[];
  /** How many pairs proposed now the plan keeps. */
  kept: number;
  /** The requests and residents that `added` and `withdrawn` name, for a coordinator to read them by. */
  requests: { id: string; title: string }[];
  volunteers: { id: string; name: string }[];
}
