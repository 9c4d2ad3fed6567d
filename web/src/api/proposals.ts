import type { components } from './schema';

export type Proposal = components['schemas']['ProposalView'];

/** The facts the matching worker found about a resident for a request: the evidence behind the score. */
export interface MatchFacts {
  requiredSkills: { code: string; level: number }[];
  relevantOutcomes: string[];
  distanceKm: number | null;
}

/** A proposal's explanation is typed on the API side only; these are the facts it always carries. */
export function matchFactsOf(proposal: Proposal): MatchFacts | undefined {
  return (proposal.explanation as { facts?: MatchFacts }).facts;
}
