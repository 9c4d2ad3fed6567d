import { QueueEvents } from 'bullmq';
import { MATCHING_QUEUE, PLAN_JOB_ID, PLAN_JOB_OPTIONS } from '../../src/matching/matching.jobs.js';
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

/**
 * Runs a city-wide plan through the queue, as the worker does after changes and nightly, and returns what
 * it wrote. Call it with nothing else waiting on the queue.
 */
export async function runCityPlan(
  t: TestApp,
): Promise<{ proposed: number; withdrawn: number; attempts: number }> {
  const events = new QueueEvents(MATCHING_QUEUE, {
    connection: { url: t.config.REDIS_URL },
    prefix: t.config.QUEUE_PREFIX,
  });
  try {
    await events.waitUntilReady();
    // Kept until read here: a plan job removed on completion could vanish before it is waited for.
    const job = await t.queue.add(
      'plan-city',
      {},
      { ...PLAN_JOB_OPTIONS, jobId: PLAN_JOB_ID, removeOnComplete: false, removeOnFail: false },
    );
    try {
      return await job.waitUntilFinished(events, 40_000);
    } finally {
      await job.remove();
    }
  } finally {
    await events.close();
  }
}
