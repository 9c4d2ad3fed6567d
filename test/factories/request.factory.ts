import type { CreateRequestDto } from '../../src/requests/dto/request.dto.js';
import type { ApiClient, Caller } from '../setup/test-app.js';
import { schoolStaff } from './personas.js';
import { addDays, slot, upcoming } from './time.js';

export { schoolStaff } from './personas.js';

/** A Taira elementary school asks for one first-aid guest teacher on a Tuesday morning in two weeks. */
export function schoolVisitInput(overrides: Partial<CreateRequestDto> = {}): CreateRequestDto {
  const date = upcoming(2);
  return {
    kind: 'school_visit',
    title: '5年生 応急手当教室',
    description: '総合的な学習の時間で、けがをしたときの手当てを学びます。',
    districtCode: 'taira',
    venue: '体育館',
    need: 1,
    deadline: `${upcoming(2, 1)}T17:00:00+09:00`,
    slots: [slot(date, '10:40', '12:15')],
    requiredSkills: [{ skillCode: 'disaster.first-aid', minLevel: 3 }],
    preferredSkillCodes: [],
    school: {
      role: 'guest_teacher',
      schoolLevel: 'elementary',
      grade: 5,
      subject: '総合的な学習の時間',
      topic: '応急手当',
      pupils: 62,
    },
    ...overrides,
  };
}

/** A family-support desk needs someone to look after small children beside an evening parenting talk. */
export function familySupportInput(overrides: Partial<CreateRequestDto> = {}): CreateRequestDto {
  const date = upcoming(4);
  return {
    kind: 'family_support',
    title: '子育て講座の託児',
    districtCode: 'onahama',
    need: 1,
    deadline: `${upcoming(4, 1)}T17:00:00+09:00`,
    slots: [slot(date, '18:30', '20:00')],
    requiredSkills: [{ skillCode: 'family.childcare', minLevel: 2 }],
    preferredSkillCodes: [],
    family: {
      supportType: 'childcare',
      organiserType: 'family_support_desk',
      childrenAges: [1, 3, 4],
      languageNeeds: [],
      childcareNeeded: true,
    },
    ...overrides,
  };
}

/** A circle plans a four-week smartphone course on Wednesday afternoons. */
export function courseInput(overrides: Partial<CreateRequestDto> = {}): CreateRequestDto {
  const first = upcoming(3);
  const weeks = [0, 7, 14, 21].map((days) => addDays(first, days));
  return {
    kind: 'course_instructor',
    title: 'シニアのためのスマホ講座（全4回）',
    districtCode: 'uchigo',
    venue: '内郷公民館 第1会議室',
    need: 1,
    deadline: `${upcoming(3, 1)}T17:00:00+09:00`,
    slots: weeks.map((date) => slot(date, '13:30', '15:00')),
    requiredSkills: [{ skillCode: 'it.smartphone', minLevel: 3 }],
    preferredSkillCodes: ['it.internet-safety'],
    course: { capacity: 20, participantFeeYen: 500, honorariumYen: 0 },
    ...overrides,
  };
}

/** Creates and opens a request; returns its id. */
export async function openRequest(
  api: (caller?: Caller) => ApiClient,
  input: CreateRequestDto,
): Promise<string> {
  const created = await api(schoolStaff).post('/requests', input).expect(201);
  await api(schoolStaff).post(`/requests/${created.body.id}/open`).expect(200);
  return created.body.id as string;
}
