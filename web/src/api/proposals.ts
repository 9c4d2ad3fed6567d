import type { components } from './schema';

export type Proposal = components['schemas']['ProposalView'];

/** The facts the matching worker found about a resident for a request: the evidence behind the score. */
export interface MatchFacts {
  requiredSkills: { code: string; level: number }[];
  relevantOutcomes: string[];
  distanceKm: number | null;
}

/** One named part of a score (see src/matching/scoring.ts): its points are its value times its weight. */
export interface ScorePart {
  name: 'skillLevel' | 'preferredSkills' | 'learningOutcomes' | 'distance' | 'fairness';
  points: number;
  weight: number;
}

/** A proposal's explanation is typed on the API side only; this is the part of it the pages read. */
/** Someone else the city-wide plan considered for the request, and why it did not choose them here. */
export interface Alternative {
  volunteerId: string;
  score: number;
  reason: 'assignedElsewhere' | 'lessValueHere';
}

interface Explanation {
  facts?: MatchFacts;
  parts?: ScorePart[];
  addedByHand?: true;
  plan?: { alternatives?: Alternative[] };
}

/** For coordinators: the others the plan considered, each with their name, best first. */
export function alternativesOf(proposal: Proposal): (Alternative & { name: string })[] {
  const names = new Map(proposal.alternativeNames?.map((named) => [named.id, named.name]));
  return ((proposal.explanation as Explanation).plan?.alternatives ?? []).map((alternative) => ({
    ...alternative,
    name: names.get(alternative.volunteerId) ?? '',
  }));
}

/** A coordinator chose the resident by hand: there is no score or matching facts, only their judgement. */
export function isHandPicked(proposal: Proposal): boolean {
  return (proposal.explanation as Explanation).addedByHand === true;
}

export function matchFactsOf(proposal: Proposal): MatchFacts | undefined {
  return (proposal.explanation as Explanation).facts;
}

export function scorePartsOf(proposal: Proposal): ScorePart[] {
  return (proposal.explanation as Explanation).parts ?? [];
}
