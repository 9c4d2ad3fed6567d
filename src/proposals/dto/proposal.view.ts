import type { Alternative, PairExplanation } from '../../matching/planner/explain.js';
import type { ScoreExplanation } from '../../matching/scoring.js';
import type { Feedback } from '../feedback.entity.js';
import type { HandPicked, Proposal, ProposalStatus } from '../proposal.entity.js';

/** A proposal with who it pairs and why the worker proposed them. */
export class ProposalView {
  id: string;
  status: ProposalStatus;
  /** Pinned by a coordinator: new plans keep it. */
  locked: boolean;
  score: number;
  /**
   * The score's parts and the facts behind them; for a planned proposal also `plan`: the fairness cost
   * and, for coordinators only, the alternatives the planner considered and where they went.
   */
  explanation:
    (ScoreExplanation & { plan?: PairExplanation | Omit<PairExplanation, 'alternatives'> }) | HandPicked;
  reason: string | null;
  hours: number | null;
  request: {
    id: string;
    title: string;
    kind: string;
    description: string;
    districtCode: string | null;
    venue: string | null;
    online: boolean;
    organisation: { id: string; name: string };
    slots: { startsAt: Date; endsAt: Date }[];
  };
  volunteer: {
    id: string;
    /** Family name and さん (鈴木さん): what a school sees before the resident has accepted. */
    displayName: string;
    /** Full name and its reading: for a requester, only once the resident has accepted. */
    name: string | null;
    nameKana: string | null;
    homeDistrictCode: string;
    /** Only once the resident has accepted, and never to other residents. */
    contact: { email: string; phone: string } | null;
  };
  feedback: { side: string; rating: number; comment: string }[];
  /** For coordinators: who the residents in `explanation.plan.alternatives` are, in the same order. */
  alternativeNames?: { id: string; name: string }[];
  createdAt: Date;
  updatedAt: Date;

  static of(
    proposal: Proposal,
    feedback: Feedback[],
    shown: { fullName: boolean; contact: boolean; alternatives: boolean },
    names: Map<string, string> = new Map(),
  ): ProposalView {
    const { request, volunteer } = proposal;
    const alternatives = alternativesOf(proposal);
    return {
      id: proposal.id,
      status: proposal.status,
      locked: proposal.lockedAt !== null,
      score: proposal.score,
      explanation: shown.alternatives ? proposal.explanation : withoutAlternatives(proposal.explanation),
      ...(shown.alternatives && alternatives.length > 0
        ? {
            alternativeNames: alternatives.map(({ volunteerId }) => ({
              id: volunteerId,
              name: names.get(volunteerId) ?? '',
            })),
          }
        : {}),
      reason: proposal.reason,
      hours: proposal.hours,
      request: {
        id: request.id,
        title: request.title,
        kind: request.kind,
        description: request.description,
        districtCode: request.districtCode,
        venue: request.venue,
        online: request.online,
        organisation: { id: request.organisation.id, name: request.organisation.name },
        slots: request.slots
          .map(({ startsAt, endsAt }) => ({ startsAt, endsAt }))
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
      },
      volunteer: {
        id: volunteer.id,
        displayName: displayName(volunteer.name),
        name: shown.fullName ? volunteer.name : null,
        nameKana: shown.fullName ? volunteer.nameKana : null,
        homeDistrictCode: volunteer.homeDistrictCode,
        contact: shown.contact ? { email: volunteer.email, phone: volunteer.phone } : null,
      },
      feedback: feedback.map(({ side, rating, comment }) => ({ side, rating, comment })),
      createdAt: proposal.createdAt,
      updatedAt: proposal.updatedAt,
    };
  }
}

/** 鈴木 花子 → 鈴木さん; a name written without a space keeps only its first character (鈴〇〇さん). */
export function displayName(name: string): string {
  const [family, ...given] = name.trim().split(/[\s\u3000]+/);
  return given.length > 0 ? `${family}さん` : `${family.slice(0, 1)}〇〇さん`;
}

/** The other residents a city-wide plan considered for the proposal's request, best first. */
export function alternativesOf(proposal: Proposal): Alternative[] {
  const { explanation } = proposal;
  return 'addedByHand' in explanation ? [] : (explanation.plan?.alternatives ?? []);
}

/** Other residents considered for a request are the coordinators' business, not the school's or a resident's. */
function withoutAlternatives(explanation: Proposal['explanation']): ProposalView['explanation'] {
  if ('addedByHand' in explanation || !explanation.plan) return explanation;
  const { alternatives: _alternatives, ...plan } = explanation.plan;
  return { ...explanation, plan };
}
