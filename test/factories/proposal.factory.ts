import type { CreateRequestDto } from '../../src/requests/dto/request.dto.js';
import type { CreateVolunteerDto } from '../../src/volunteers/dto/volunteer-profile.dto.js';
import type { ApiClient, Caller, TestApp } from '../setup/test-app.js';
import { coordinator } from './personas.js';
import { courseInput, openRequest } from './request.factory.js';
import { activeVolunteer, type SignedInResident } from './volunteer.factory.js';

/** The matching worker's proposal of `resident` for the request, as a coordinator sees it. */
export async function proposalFor(
  api: (caller?: Caller) => ApiClient,
  requestId: string,
  resident: SignedInResident,
) {
  const { body } = await api(coordinator).get(`/requests/${requestId}/proposals`).expect(200);
  const proposal = body.items.find(
    (item: { volunteer: { id: string } }) => item.volunteer.id === resident.id,
  );
  if (!proposal) throw new Error(`No proposal of ${resident.id} for request ${requestId}`);
  return proposal as { id: string };
}

/**
 * A coordinator approves the worker's proposal of `resident`, and `resident` accepts it; returns the
 * accepted proposal. Call it once the queue has drained.
 */
export async function acceptedProposal(
  api: (caller?: Caller) => ApiClient,
  requestId: string,
  resident: SignedInResident,
) {
  const { id } = await proposalFor(api, requestId, resident);
  await api(coordinator).post(`/proposals/${id}/approve`).expect(200);
  const accepted = await api(resident).post(`/proposals/${id}/accept`).expect(200);
  return accepted.body as { id: string; request: { slots: { endsAt: string }[] } };
}

/**
 * A circle's smartphone course (see `courseInput`) whose instructor, a resident of Uchigo free on
 * Wednesdays (and whatever `instructor` says), has accepted it: what learning information lists.
 * Returns the course's id.
 */
export async function courseWithInstructor(
  t: TestApp,
  course: CreateRequestDto['course'],
  instructor: Partial<CreateVolunteerDto> = {},
): Promise<string> {
  const resident = await activeVolunteer(t.as, {
    homeDistrictCode: 'uchigo',
    skills: [{ skillCode: 'it.smartphone', level: 5 }],
    availability: [{ weekday: 3, startTime: '09:00', endTime: '17:00' }],
    ...instructor,
  });
  const courseId = await openRequest(t.as, courseInput({ course }));
  await t.drainQueue();
  await acceptedProposal(t.as, courseId, resident);
  return courseId;
}
