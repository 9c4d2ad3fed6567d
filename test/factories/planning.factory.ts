import type { TestApp } from '../setup/test-app.js';
import { otherSchoolStaff } from './personas.js';
import { openRequest, schoolVisitInput } from './request.factory.js';
import { activeVolunteer, type SignedInResident } from './volunteer.factory.js';

export interface OneInstructorTwoRequests {
  suzuki: SignedInResident;
  tanaka: SignedInResident;
  /** Taira's first-aid class: Suzuki or Tanaka. */
  firstAid: string;
  /** Onahama's old-games class: only Suzuki. */
  oldGames: string;
}

/**
 * Where one request at a time goes wrong: Suzuki can teach first aid and old games, Tanaka only first
 * aid, and both classes fall on the same morning, so Suzuki can take one of them at most. Greedy gives
 * Suzuki (the better score) to the first-aid class and leaves the old-games class without anyone.
 */
export async function oneInstructorTwoRequests(
  t: TestApp,
  tanakaEmail = `tanaka.${Date.now()}@example.jp`,
): Promise<OneInstructorTwoRequests> {
  const suzuki = await activeVolunteer(t.as, {
    name: '鈴木 一郎',
    travelDistrictCodes: ['onahama'],
    skills: [
      { skillCode: 'disaster.first-aid', level: 5 },
      { skillCode: 'history.old-games', level: 5 },
    ],
  });
  const tanaka = await activeVolunteer(t.as, {
    name: '田中 次郎',
    email: tanakaEmail,
    skills: [{ skillCode: 'disaster.first-aid', level: 3 }],
  });
  const firstAid = await openRequest(t.as, schoolVisitInput());
  const created = await t
    .as(otherSchoolStaff)
    .post(
      '/requests',
      schoolVisitInput({
        title: '昔遊び体験',
        districtCode: 'onahama',
        requiredSkills: [{ skillCode: 'history.old-games', minLevel: 3 }],
      }),
    )
    .expect(201);
  const oldGames = created.body.id as string;
  await t.as(otherSchoolStaff).post(`/requests/${oldGames}/open`).expect(200);
  await t.drainQueue();
  return { suzuki, tanaka, firstAid, oldGames };
}
