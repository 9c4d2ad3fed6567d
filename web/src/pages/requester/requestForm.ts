import type { components } from '../../api/schema';

export type CreateRequestBody = components['schemas']['CreateRequestDto'];
export type RequestKind = CreateRequestBody['kind'];

/** One session as a requester enters it: a day and Japan-time clock times. */
export interface SessionInput {
  date: string | null;
  start: string;
  end: string;
}

/** What the new-request form holds; the kind decides which of the kind's own fields are sent. */
export interface RequestValues {
  kind: RequestKind;
  title: string;
  description: string;
  online: boolean;
  districtCode: string | null;
  venue: string;
  need: number;
  deadline: string | null;
  sessions: SessionInput[];
  requiredSkills: { skillCode: string; minLevel: number }[];
  preferredSkillCodes: string[];
  school: components['schemas']['SchoolVisitDetailsDto'];
  family: components['schemas']['FamilySupportDetailsDto'];
  course: components['schemas']['CourseInstructorDetailsDto'];
}

export const EMPTY_REQUEST: RequestValues = {
  kind: 'school_visit',
  title: '',
  description: '',
  online: false,
  districtCode: null,
  venue: '',
  need: 1,
  deadline: null,
  sessions: [{ date: null, start: '10:00', end: '11:30' }],
  requiredSkills: [],
  preferredSkillCodes: [],
  school: { role: 'guest_teacher', schoolLevel: 'elementary', grade: 5, subject: '', topic: '', pupils: 30 },
  family: {
    supportType: 'parenting_talk',
    organiserType: 'pta',
    childrenAges: [],
    languageNeeds: [],
    childcareNeeded: false,
  },
  course: {
    capacity: 20,
    participantFeeYen: 0,
    honorariumYen: 0,
    childcareAvailable: false,
    accessibility: [],
  },
};

/** An instant in Japan time, as the API takes it: `2027-05-10T09:00:00+09:00`. */
const japanTime = (date: string, time: string) => `${date}T${time}:00+09:00`;

/** The same session on the following weeks: a course series in one click. */
export function weeklyAfter(session: SessionInput, weeks: number): SessionInput[] {
  if (!session.date) return [];
  return Array.from({ length: weeks }, (_, i) => {
    const day = new Date(`${session.date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 7 * (i + 1));
    return { ...session, date: day.toISOString().slice(0, 10) };
  });
}

/** The body of `POST /requests`: sessions as instants, only this kind's own fields, no empty texts. */
export function requestBody(values: RequestValues): CreateRequestBody {
  const kindFields =
    values.kind === 'school_visit'
      ? { school: values.school }
      : values.kind === 'family_support'
        ? { family: values.family }
        : { course: values.course };
  return {
    kind: values.kind,
    title: values.title.trim(),
    description: values.description.trim(),
    online: values.online,
    districtCode: values.districtCode,
    venue: values.venue.trim() || null,
    need: values.need,
    // The end of the deadline day in Japan, so "the 20th" means all of the 20th.
    deadline: values.deadline ? japanTime(values.deadline, '23:59') : '',
    slots: values.sessions.map((session) => ({
      startsAt: session.date ? japanTime(session.date, session.start) : '',
      endsAt: session.date ? japanTime(session.date, session.end) : '',
    })),
    requiredSkills: values.requiredSkills,
    preferredSkillCodes: values.preferredSkillCodes,
    ...kindFields,
  };
}

/**
 * Where the API's field path shows in the form: a session's instants at its date, everything else at
 * the same path with list positions in dots (`requiredSkills[0].minLevel` → `requiredSkills.0.minLevel`).
 */
export function formFieldOf(apiField: string): string {
  const path = apiField.replace(/\[(\d+)\]/g, '.$1');
  const session = /^slots\.(\d+)\.(startsAt|endsAt)$/.exec(path);
  if (session) return `sessions.${session[1]}.${session[2] === 'startsAt' ? 'date' : 'end'}`;
  return path === 'slots' ? 'sessions' : path;
}
