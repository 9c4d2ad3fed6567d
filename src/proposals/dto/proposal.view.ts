import type { ScoreExplanation } from '../../matching/scoring.js';
import type { Feedback } from '../feedback.entity.js';
import type { Proposal, ProposalStatus } from '../proposal.entity.js';

/** A proposal with who it pairs and why the worker proposed them. */
export class ProposalView {
  id: string;
  status: ProposalStatus;
  score: number;
  explanation: ScoreExplanation;
  reason: string | null;
  hours: number | null;
  request: {
    id: string;
    title: string;
    kind: string;
    organisation: { id: string; name: string };
    slots: { startsAt: Date; endsAt: Date }[];
  };
  volunteer: {
    id: string;
    name: string;
    nameKana: string;
    homeDistrictCode: string;
    /** Only once the resident has accepted, and never to other residents. */
    contact: { email: string; phone: string } | null;
  };
  feedback: { side: string; rating: number; comment: string }[];
  createdAt: Date;
  updatedAt: Date;

  static of(proposal: Proposal, feedback: Feedback[], showContact: boolean): ProposalView {
    const { request, volunteer } = proposal;
    return {
      id: proposal.id,
      status: proposal.status,
      score: proposal.score,
      explanation: proposal.explanation,
      reason: proposal.reason,
      hours: proposal.hours,
      request: {
        id: request.id,
        title: request.title,
        kind: request.kind,
        organisation: { id: request.organisation.id, name: request.organisation.name },
        slots: request.slots
          .map(({ startsAt, endsAt }) => ({ startsAt, endsAt }))
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
      },
      volunteer: {
        id: volunteer.id,
        name: volunteer.name,
        nameKana: volunteer.nameKana,
        homeDistrictCode: volunteer.homeDistrictCode,
        contact: showContact ? { email: volunteer.email, phone: volunteer.phone } : null,
      },
      feedback: feedback.map(({ side, rating, comment }) => ({ side, rating, comment })),
      createdAt: proposal.createdAt,
      updatedAt: proposal.updatedAt,
    };
  }
}
