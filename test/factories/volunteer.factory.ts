import { randomUUID } from 'node:crypto';
import type { CreateVolunteerDto } from '../../src/volunteers/dto/volunteer-profile.dto.js';
import type { ApiClient, Caller } from '../setup/test-app.js';
import { PASSWORD } from './account.factory.js';
import { coordinator } from './personas.js';

export { coordinator } from './personas.js';

/** A consenting resident of Taira, free on weekday afternoons, who can give a first-aid class. */
export function volunteerInput(overrides: Partial<CreateVolunteerDto> = {}): CreateVolunteerDto {
  return {
    name: '鈴木 花子',
    nameKana: 'すずき はなこ',
    email: `hanako.${randomUUID().slice(0, 8)}@example.jp`,
    phone: '0246-22-1111',
    homeDistrictCode: 'taira',
    travelDistrictCodes: ['uchigo'],
    onlineAvailable: false,
    languages: ['ja'],
    monthlyCap: 4,
    skills: [{ skillCode: 'disaster.first-aid', level: 4, note: '日本赤十字社 救急法指導員' }],
    learningOutcomes: [],
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00' })),
    unavailableDates: [],
    consent: { version: '2026-04', agreed: true },
    ...overrides,
  };
}

/** A signed-in resident: `id` is their profile's id, `token` their session's. */
export interface SignedInResident {
  id: string;
  token: string;
}

/** A resident signs up and a coordinator activates them; returns them signed in. */
export async function activeVolunteer(
  api: (caller?: Caller) => ApiClient,
  overrides: Partial<CreateVolunteerDto> = {},
): Promise<SignedInResident> {
  const { body } = await api()
    .post('/volunteers/signup', { ...volunteerInput(overrides), password: PASSWORD })
    .expect(201);
  const id = body.account.volunteerId as string;
  await api(coordinator).post(`/volunteers/${id}/activate`).expect(200);
  return { id, token: body.token as string };
}
