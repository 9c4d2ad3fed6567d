/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { cityOffice, schoolStaff } from './factories/personas.js';
import { coordinator } from './factories/volunteer.factory.js';
import { browserSuite, PHONE, type BrowserSuite } from './setup/browser.js';
import {
  acceptOnMyPage,
  activateFromDashboard,
  approveCandidate,
  fillRequestBasics,
  fillSchoolVisit,
  firstSessionTimes,
  fillWeeklyCourse,
  recordHoursAndFeedback,
  sessionIn,
  signUpByKeyboard,
  travelPastSessions,
  yearTotals,
  type Newcomer,
} from './setup/journey-steps.js';

// A whole journey is a dozen pages, each with an accessibility scan, on two busy cores.
jest.setTimeout(300_000);

/**
 * One request's whole path through the web app, each step in the browser as the role that takes it:
 * a resident signs up by keyboard alone, a coordinator activates them, the requester asks, the matching
 * worker proposes, the coordinator approves, the resident accepts on a 360 px screen, the requester sees
 * their contact details and records the day, and the city office counts it in the year's figures.
 */
interface Journey {
  /** Names this journey's screenshots. */
  key: string;
  resident: Newcomer;
  title: string;
  /** Fills in `/requests/new` for this kind of request (everything but the title). */
  describeRequest: (page: Page) => Promise<void>;
  /** What the API then holds of the request (its sessions in UTC): the form’s fields reached it. */
  expectedRequest: object;
  hours: string;
  comment: string;
}

/** Chooses `option` in the list labelled `label` by pointer. */
async function choose(page: Page, label: string, option: string) {
  // A list of several choices that cannot be searched covers its field with the pills' box: click where
  // a person would, whatever lies on top.
  await page.getByRole('combobox', { name: label }).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function travel(suite: BrowserSuite, journey: Journey) {
  const { t, open, expectAccessible } = suite;
  const { resident } = journey;
  const shot = (state: string) => `journey.${journey.key}.${state}.ja`;

  // A resident signs up by keyboard alone; the sign-up signs them in, to wait for review.
  const signUp = await open('/sign-up');
  await signUpByKeyboard(signUp, resident);
  await expectAccessible(signUp, shot('sign-up-done'));
  const residentSession = await sessionIn(signUp);
  expect(residentSession).not.toBe('');
  await signUp.goto(signUp.url().replace(/\/sign-up$/, '/my'));
  await signUp.getByText('登録の内容を生涯学習課で確認しています', { exact: false }).waitFor();
  await expectAccessible(signUp, shot('my-page-under-review'));
  await signUp.context().close();

  // A coordinator activates them from the dashboard.
  const desk = await open('/coordinator', { session: t.sessionOf(coordinator) });
  await desk.getByRole('heading', { level: 1, name: '今日の仕事' }).waitFor();
  await activateFromDashboard(desk, resident.name);
  const [signedUp] = await t.dataSource.query<{ id: string; status: string }[]>(
    `SELECT id, status FROM volunteers WHERE email = $1`,
    [resident.email],
  );
  expect(signedUp.status).toBe('active');

  // The requester asks for someone, and opens the request at once.
  const requester = await open('/requests/new', { session: t.sessionOf(schoolStaff) });
  await requester.getByRole('heading', { level: 1, name: '新しい依頼' }).waitFor();
  await journey.describeRequest(requester);
  await requester.getByLabel(/^依頼の名前/).fill(journey.title);
  await expectAccessible(requester, shot('request-new'));
  await requester.getByRole('button', { name: '募集を始める' }).click();
  await requester.getByText('募集を始めました。担当者が人を探します。').waitFor();
  const requestId = requester.url().split('/').at(-1)!;
  const asked = await t.as(schoolStaff).get(`/requests/${requestId}`).expect(200);
  expect(asked.body).toMatchObject({ title: journey.title, status: 'open', ...journey.expectedRequest });
  await expectAccessible(requester, shot('request-opened'));

  // The matching worker proposes; the coordinator finds the request waiting and approves the resident.
  await t.drainQueue();
  await desk.reload();
  const awaiting = desk.getByRole('region', { name: '候補者が承認を待っている依頼' });
  await awaiting.getByRole('link', { name: journey.title }).click();
  await approveCandidate(desk, resident.name);
  await desk.context().close();

  // The resident accepts on a phone.
  const phone = await open('/my', { viewport: PHONE, session: residentSession });
  await acceptOnMyPage(phone, journey.title);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(phone, shot('my-page-accepted.phone'));
  await phone.context().close();

  // The requester now sees who it is and how to reach them.
  await requester.reload();
  await requester.getByRole('heading', { name: new RegExp(resident.name) }).waitFor();
  expect(await requester.getByText(new RegExp(resident.email.replaceAll('.', '\\.'))).isVisible()).toBe(true);
  await expectAccessible(requester, shot('request-contact'));

  // After the last session: the hours, then feedback.
  const afterwards = await travelPastSessions(t, requester, requestId);
  try {
    await requester.reload();
    await recordHoursAndFeedback(requester, { hours: journey.hours, comment: journey.comment });
    await expectAccessible(requester, shot('request-feedback-sent'));
    await requester.context().close();

    const done = await t.dataSource.query<{ id: string; status: string; hours: string }[]>(
      `SELECT id, status, hours FROM proposals WHERE request_id = $1 AND volunteer_id = $2`,
      [requestId, signedUp.id],
    );
    expect(done).toEqual([
      { id: expect.any(String), status: 'completed', hours: Number(journey.hours).toFixed(2) },
    ]);
    const feedback = await t.dataSource.query(
      `SELECT side, rating, comment FROM feedback WHERE proposal_id = $1`,
      [done[0].id],
    );
    expect(feedback).toEqual([{ side: 'requester', rating: 5, comment: journey.comment }]);

    // The city office's year, seen after the activity: this suite's only one.
    const office = await open('/office', { session: t.sessionOf(cityOffice) });
    await office.clock.setFixedTime(afterwards);
    await office.reload();
    expect(await yearTotals(office)).toEqual({ activities: 1, hours: Number(journey.hours) });
    await office.context().close();
  } finally {
    t.clock.backToNow();
  }
}

/** Every day of the week, in one part of the day. */
const everyDay = [1, 2, 3, 4, 5, 6, 7];

describe('A school visit, from the guest teacher’s sign-up to the city’s figures', () => {
  const suite = browserSuite();

  it('takes a resident, a coordinator, a school and the city office through a guest-teacher visit in the browser', () =>
    travel(suite, {
      key: 'school',
      resident: {
        name: '山本 健一',
        nameKana: 'やまもと けんいち',
        email: 'kenichi.yamamoto@example.jp',
        phone: '0246-22-4444',
        password: 'yamamoto kenichi 2026',
        homeDistrict: '平',
        skill: { typed: '応急', level: 4 },
        freeAt: { partIndex: 0, weekdays: everyDay },
      },
      title: '5年生 けがの手当て教室',
      async describeRequest(page) {
        await fillSchoolVisit(
          page,
          { subject: '総合的な学習の時間', topic: 'けがをしたときの手当て' },
          {
            district: '平',
            deadlineDay: 10,
            firstSessionDay: 20,
            skill: { typed: '応急', option: '応急手当' },
          },
        );
      },
      expectedRequest: {
        kind: 'school_visit',
        districtCode: 'taira',
        slots: [{ startsAt: expect.stringMatching(/T01:00:00.000Z$/) }],
      },
      hours: '1.5',
      comment: '子どもたちが包帯の巻き方を覚えました。',
    }));
});

describe('A course series, from the instructor’s sign-up to the city’s figures', () => {
  const suite = browserSuite();

  // No community-group persona exists yet (test/factories/personas.ts): the school's staff plan the course.
  it('takes a resident, a coordinator, a group planning four weekly sessions and the city office through the course in the browser', () =>
    travel(suite, {
      key: 'course',
      resident: {
        name: '木村 由美',
        nameKana: 'きむら ゆみ',
        email: 'yumi.kimura@example.jp',
        phone: '0246-26-5555',
        password: 'kimura yumi 2026',
        homeDistrict: '内郷',
        skill: { typed: 'スマート', level: 4 },
        freeAt: { partIndex: 1, weekdays: everyDay },
      },
      title: 'はじめてのスマホ教室(全4回)',
      async describeRequest(page) {
        await fillWeeklyCourse(
          page,
          { capacity: 15, childcareAvailable: true, start: '13:30', end: '15:00' },
          {
            district: '内郷',
            deadlineDay: 3,
            firstSessionDay: 5,
            skill: { typed: 'スマート', option: 'スマートフォン活用' },
          },
        );
        await page.getByRole('button', { name: /^日にち \(4\)/ }).waitFor();
      },
      expectedRequest: {
        kind: 'course_instructor',
        districtCode: 'uchigo',
        details: { capacity: 15, childcareAvailable: true },
        slots: [0, 7, 14, 21].map(() => ({ startsAt: expect.stringMatching(/T04:30:00.000Z$/) })),
      },
      hours: '6',
      comment: '4回とも参加者の質問にていねいに答えてくださいました。',
    }));
});

describe('A family-support need, from the helper’s sign-up to the city’s figures', () => {
  const suite = browserSuite();

  // No family-support desk persona exists yet (test/factories/personas.ts): the school's staff ask.
  it('takes a Vietnamese-speaking resident, a coordinator, a family-support desk and the city office through an evening of help in the browser', () =>
    travel(suite, {
      key: 'family',
      resident: {
        name: 'グエン ティ ラン',
        nameKana: 'ぐえん てぃ らん',
        email: 'lan.nguyen@example.jp',
        phone: '0246-54-6666',
        password: 'nguyen thi lan 2026',
        homeDistrict: '小名浜',
        otherLanguages: ['Tiếng'],
        skill: { typed: '家庭学習', level: 3 },
        freeAt: { partIndex: 2, weekdays: everyDay },
      },
      title: '外国出身の保護者との家庭学習相談',
      async describeRequest(page) {
        await page.getByText('家庭教育支援', { exact: true }).click();
        await choose(page, '支援の種類', '外国出身の保護者の支援');
        await choose(page, '主催', '家庭教育支援の窓口');
        await choose(page, '必要な言語', 'Tiếng Việt');
        await page.keyboard.press('Escape');
        await fillRequestBasics(page, {
          district: '小名浜',
          deadlineDay: 8,
          firstSessionDay: 16,
          skill: { typed: '家庭学習', option: '家庭学習支援' },
        });
        await firstSessionTimes(page, '18:30', '20:00');
      },
      expectedRequest: {
        kind: 'family_support',
        districtCode: 'onahama',
        details: {
          supportType: 'foreign_parent_support',
          organiserType: 'family_support_desk',
          languageNeeds: ['vi'],
        },
        slots: [{ startsAt: expect.stringMatching(/T09:30:00.000Z$/) }],
      },
      hours: '1.5',
      comment: 'ベトナム語で宿題の見方を伝えていただき、保護者が安心していました。',
    }));
});
