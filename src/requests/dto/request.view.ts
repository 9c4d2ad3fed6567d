import type {
  ActivityRequest,
  RequestDetails,
  RequestKind,
  RequestStatus,
} from '../activity-request.entity.js';

/** A request as the API returns it, with where its proposals stand. */
export class RequestView {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  title: string;
  description: string;
  organisation: { id: string; name: string; kind: string };
  districtCode: string | null;
  venue: string | null;
  online: boolean;
  need: number;
  deadline: Date;
  details: RequestDetails;
  /** `sequence`: how many times the session has moved (calendars' SEQUENCE). */
  slots: { id: string; startsAt: Date; endsAt: Date; sequence: number }[];
  requiredSkills: { skillCode: string; minLevel: number }[];
  preferredSkillCodes: string[];
  /** Proposals by status, e.g. `{ proposed: 4, approved: 1 }`. */
  proposalCounts: Record<string, number>;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;

  static of(request: ActivityRequest, proposalCounts: Record<string, number>): RequestView {
    return {
      id: request.id,
      kind: request.kind,
      status: request.status,
      title: request.title,
      description: request.description,
      organisation: {
        id: request.organisation.id,
        name: request.organisation.name,
        kind: request.organisation.kind,
      },
      districtCode: request.districtCode,
      venue: request.venue,
      online: request.online,
      need: request.need,
      deadline: request.deadline,
      details: request.details,
      slots: request.slots
        .map(({ id, startsAt, endsAt, sequence }) => ({ id, startsAt, endsAt, sequence }))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
      requiredSkills: request.skills
        .filter((skill) => skill.required)
        .map((skill) => ({ skillCode: skill.skillCode, minLevel: skill.minLevel ?? 1 })),
      preferredSkillCodes: request.skills.filter((skill) => !skill.required).map((skill) => skill.skillCode),
      proposalCounts,
      createdBy: request.createdBy,
      createdAt: request.createdAt,
      updatedAt: request.updatedAt,
    };
  }
}
