import type { VolunteerStatus } from '../volunteer.entity.js';
import type { Volunteer } from '../volunteer.entity.js';

/** A resident's profile as the API returns it. */
export class VolunteerView {
  id: string;
  name: string;
  nameKana: string;
  email: string;
  phone: string;
  homeDistrictCode: string;
  travelDistrictCodes: string[];
  onlineAvailable: boolean;
  listedPublicly: boolean;
  languages: string[];
  monthlyCap: number;
  status: VolunteerStatus;
  consent: { version: string; consentedAt: Date } | null;
  /** A coordinator's question about the sign-up, until the resident changes their profile. */
  informationRequest: { message: string; requestedAt: Date } | null;
  skills: { skillCode: string; level: number; note: string | null }[];
  learningOutcomes: {
    id: string;
    kind: string;
    title: string;
    issuer: string | null;
    achievedOn: string | null;
    skillCodes: string[];
  }[];
  availability: { weekday: number; startTime: string; endTime: string }[];
  unavailableDates: { date: string; reason: string | null }[];
  createdAt: Date;
  updatedAt: Date;

  static of(volunteer: Volunteer): VolunteerView {
    const hhmm = (time: string) => time.slice(0, 5);
    return {
      id: volunteer.id,
      name: volunteer.name,
      nameKana: volunteer.nameKana,
      email: volunteer.email,
      phone: volunteer.phone,
      homeDistrictCode: volunteer.homeDistrictCode,
      travelDistrictCodes: volunteer.travelDistricts.map((district) => district.code).sort(),
      onlineAvailable: volunteer.onlineAvailable,
      listedPublicly: volunteer.listedPublicly,
      languages: volunteer.languages,
      monthlyCap: volunteer.monthlyCap,
      status: volunteer.status,
      consent:
        volunteer.consentVersion && volunteer.consentedAt
          ? { version: volunteer.consentVersion, consentedAt: volunteer.consentedAt }
          : null,
      informationRequest:
        volunteer.informationRequested && volunteer.informationRequestedAt
          ? { message: volunteer.informationRequested, requestedAt: volunteer.informationRequestedAt }
          : null,
      skills: volunteer.skills
        .map(({ skillCode, level, note }) => ({ skillCode, level, note }))
        .sort((a, b) => a.skillCode.localeCompare(b.skillCode)),
      learningOutcomes: volunteer.learningOutcomes.map((outcome) => ({
        id: outcome.id,
        kind: outcome.kind,
        title: outcome.title,
        issuer: outcome.issuer,
        achievedOn: outcome.achievedOn,
        skillCodes: outcome.skills.map((skill) => skill.code).sort(),
      })),
      availability: volunteer.availability
        .map((window) => ({
          weekday: window.weekday,
          startTime: hhmm(window.startTime),
          endTime: hhmm(window.endTime),
        }))
        .sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime)),
      unavailableDates: volunteer.unavailableDates
        .map(({ date, reason }) => ({ date, reason }))
        .sort((a, b) => a.date.localeCompare(b.date)),
      createdAt: volunteer.createdAt,
      updatedAt: volunteer.updatedAt,
    };
  }
}
