import type { components } from '../../api/schema';
import { cellsOf, windowsOf, type Cell } from './availability';

type Volunteer = components['schemas']['VolunteerView'];
type SignUpBody = components['schemas']['SignUpDto'];

export type OutcomeKind = components['schemas']['LearningOutcomeDto']['kind'];
export const OUTCOME_KINDS = [
  'course',
  'certificate',
  'work_experience',
  'other',
] as const satisfies readonly OutcomeKind[];

/** A skill as the form holds it: the note is an empty text rather than absent. */
export interface SkillValue {
  skillCode: string;
  level: number;
  note: string;
}

/** A learning outcome (a course finished, a certificate, work experience) as the form holds it. */
export interface OutcomeValue {
  kind: OutcomeKind;
  title: string;
  issuer: string;
  /** `YYYY-MM-DD`, as the date picker gives it. */
  achievedOn: string | null;
  skillCodes: string[];
}

/** What a resident keeps in their profile: asked for at sign-up, changed later on the profile page. */
export interface ProfileValues {
  email: string;
  phone: string;
  homeDistrictCode: string;
  travelDistrictCodes: string[];
  onlineAvailable: boolean;
  languages: string[];
  skills: SkillValue[];
  learningOutcomes: OutcomeValue[];
  availability: Cell[];
  /** `YYYY-MM-DD` each. */
  unavailableDates: string[];
  monthlyCap: number;
  listedPublicly: boolean;
}

/** The profile part of the API's body (sign-up and `PATCH /volunteers/{id}` both take it whole). */
export type ProfileBody = Omit<SignUpBody, 'name' | 'nameKana' | 'password' | 'consent'>;

/** A day the resident said they are not free, with the reason they gave (the form does not ask for one). */
type HeldDay = Volunteer['unavailableDates'][number];

const isOutcomeKind = (kind: string): kind is OutcomeKind =>
  (OUTCOME_KINDS as readonly string[]).includes(kind);

/** The profile page's starting values: the resident's profile as the API holds it. */
export function profileValuesOf(volunteer: Volunteer): ProfileValues {
  return {
    email: volunteer.email,
    phone: volunteer.phone,
    homeDistrictCode: volunteer.homeDistrictCode,
    travelDistrictCodes: volunteer.travelDistrictCodes,
    onlineAvailable: volunteer.onlineAvailable,
    languages: volunteer.languages,
    skills: volunteer.skills.map(({ skillCode, level, note }) => ({ skillCode, level, note: note ?? '' })),
    learningOutcomes: volunteer.learningOutcomes.map(({ kind, title, issuer, achievedOn, skillCodes }) => ({
      kind: isOutcomeKind(kind) ? kind : 'other',
      title,
      issuer: issuer ?? '',
      achievedOn,
      skillCodes,
    })),
    availability: cellsOf(volunteer.availability),
    unavailableDates: volunteer.unavailableDates.map(({ date }) => date),
    monthlyCap: volunteer.monthlyCap,
    listedPublicly: volunteer.listedPublicly,
  };
}

/**
 * The profile as the API takes it: texts trimmed, empty optional texts left out, the grid as weekly
 * windows. Lists replace the lists held, so a day kept keeps the reason held for it (`held`).
 */
export function profileBody(values: ProfileValues, held: readonly HeldDay[] = []): ProfileBody {
  const reasons = new Map(held.map(({ date, reason }) => [date, reason]));
  return {
    email: values.email.trim(),
    phone: values.phone.trim(),
    homeDistrictCode: values.homeDistrictCode,
    travelDistrictCodes: values.travelDistrictCodes,
    onlineAvailable: values.onlineAvailable,
    languages: values.languages,
    monthlyCap: values.monthlyCap,
    skills: values.skills.map(({ skillCode, level, note }) => ({
      skillCode,
      level,
      ...(note.trim() ? { note: note.trim() } : {}),
    })),
    learningOutcomes: values.learningOutcomes.map(({ kind, title, issuer, achievedOn, skillCodes }) => ({
      kind,
      title: title.trim(),
      skillCodes,
      ...(issuer.trim() ? { issuer: issuer.trim() } : {}),
      ...(achievedOn ? { achievedOn } : {}),
    })),
    availability: windowsOf(values.availability),
    unavailableDates: values.unavailableDates.map((date) => {
      const reason = reasons.get(date);
      return reason ? { date, reason } : { date };
    }),
    listedPublicly: values.listedPublicly,
  };
}
