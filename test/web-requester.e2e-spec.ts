/// <reference lib="dom" />
import { jest } from '@jest/globals';
import { PASSWORD } from './factories/account.factory.js';
import { cityOffice } from './factories/personas.js';
import { schoolStaff } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { browserSuite } from './setup/browser.js';
import {
  fillSchoolVisit,
  fillWeeklyCourse,
  recordHoursAndFeedback,
  travelPastSessions,
  yearTotals,
} from './setup/journey-steps.js';

// A browser page with an accessibility scan takes seconds, not milliseconds.
jest.setTimeout(90_000);

describe('The web app, for schools and groups asking for people', () => {
  const suite = browserSuite();
  const { expectAccessible } = suite;

  it('lets a school ask for a guest teacher, see who accepted with their contact details, and give feedback', async () => {
    await activeVolunteer(suite.t.as, {
      name: '佐々木 一郎',
      email: 'ichiro.sasaki@example.jp',
      availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        startTime: '08:00',
        endTime: '20:00',
      })),
    });
    const page = await suite.open(`/requests/new`, { session: suite.t.sessionOf(schoolStaff) });
    await page.getByRole('heading', { level: 1, name: '新しい依頼' }).waitFor();
    await expectAccessible(page, 'request-new.ja');

    await page.getByLabel(/^依頼の名前/).fill('6年生 防災教室');
    await fillSchoolVisit(
      page,
      { subject: '総合的な学習の時間', topic: '地震のときの身の守り方' },
      { district: '平', deadlineDay: 10, firstSessionDay: 20, skill: { typed: '応急', option: '応急手当' } },
    );
    await page.getByRole('button', { name: '募集を始める' }).click();

    await page.getByText('募集を始めました。担当者が人を探します。').waitFor();
    const requestId = page.url().split('/').at(-1)!;
    await suite.t.drainQueue();
    const proposals = await suite.t
      .as(coordinator)
      .get(`/requests/${requestId}/proposals?status=proposed`)
      .expect(200);
    const [proposal] = proposals.body.items;
    await suite.t.as(coordinator).post(`/proposals/${proposal.id}/approve`).expect(200);

    // Approved but not yet accepted: a display name only, no contact details.
    await page.reload();
    await page.getByRole('heading', { name: '佐々木さん' }).waitFor();
    expect(await page.getByText('ichiro.sasaki@example.jp').count()).toBe(0);
    const sasaki = await suite.t.dataSource.query(
      `SELECT id FROM volunteers WHERE email = 'ichiro.sasaki@example.jp'`,
    );
    expect(sasaki).toHaveLength(1);
    const token = (
      await suite.t.as().post('/auth/login', { email: 'ichiro.sasaki@example.jp', password: PASSWORD })
    ).body.token as string | undefined;
    expect(token).toBeDefined();
    await suite.t.as({ token: token! }).post(`/proposals/${proposal.id}/accept`).expect(200);

    await page.reload();
    await page.getByRole('heading', { name: /佐々木 一郎/ }).waitFor();
    expect(await page.getByText(/ichiro\.sasaki@example\.jp/).isVisible()).toBe(true);

    // After the day: hours recorded, then feedback.
    await travelPastSessions(suite.t, page, requestId);
    await page.reload();
    await recordHoursAndFeedback(page, { hours: '1.5', comment: '子どもたちが真剣に聞いていました。' }, () =>
      expectAccessible(page, 'request-feedback.ja'),
    );
    suite.t.clock.backToNow();

    const [done] = await suite.t.dataSource.query(`SELECT status, hours FROM proposals WHERE id = $1`, [
      proposal.id,
    ]);
    expect(done).toEqual({ status: 'completed', hours: '1.50' });
    await page.context().close();
  });

  it('lists the school’s requests, in English too', async () => {
    const page = await suite.open(`/requests`, {
      session: suite.t.sessionOf(schoolStaff),
      language: 'en',
    });
    await page.getByRole('link', { name: '6年生 防災教室' }).waitFor();
    await expectAccessible(page, 'requests.en');
    await page.context().close();
  });

  it('counts the school’s activity in the city office’s figures for the year', async () => {
    for (const language of ['ja', 'en'] as const) {
      const page = await suite.open('/office', { session: suite.t.sessionOf(cityOffice), language });
      // The activity recorded above, with its hour and a half.
      expect(await yearTotals(page)).toEqual({ activities: 1, hours: 1.5 });
      await page
        .getByText(language === 'ja' ? '数値を表で見る' : 'Show the numbers as a table')
        .first()
        .click();
      await expectAccessible(page, `office.${language}`);
      await page.context().close();
    }
  });

  it('lets a community group plan a weekly course series, and a family-support desk ask for childcare help', async () => {
    const page = await suite.open('/requests/new', { session: suite.t.sessionOf(schoolStaff) });
    await page.getByLabel(/^依頼の名前/).fill('親子で楽しむ昔遊び(全4回)');
    await fillWeeklyCourse(
      page,
      { capacity: 12, childcareAvailable: true },
      { district: '平', deadlineDay: 3, firstSessionDay: 5, skill: { typed: '昔遊び', option: '昔遊び' } },
    );
    expect(await page.getByRole('button', { name: /^日にち \(4\)/ }).isVisible()).toBe(true);
    await expectAccessible(page, 'request-new.course.ja');
    await page.getByRole('button', { name: '下書きを保存' }).click();
    await page.getByText('下書きを保存しました。').waitFor();
    const courseId = page.url().split('/').at(-1)!;
    const course = await suite.t.as(schoolStaff).get(`/requests/${courseId}`).expect(200);
    expect(course.body).toMatchObject({
      kind: 'course_instructor',
      status: 'draft',
      details: { capacity: 12, childcareAvailable: true },
    });
    expect(course.body.slots).toHaveLength(4);

    await page.goto(page.url().replace(/requests\/.*$/, 'requests/new'));
    await page.getByText('家庭教育支援', { exact: true }).click();
    await page.getByLabel(/^依頼の名前/).fill('子育て講座の託児');
    await page.getByLabel('託児が必要').check();
    await page.getByRole('button', { name: '募集を始める' }).click();
    // Nothing chosen for the district or the dates: said next to each field, and nothing typed is lost.
    expect(await page.getByText('入力してください').count()).toBe(3);
    expect(await page.getByLabel(/^依頼の名前/).inputValue()).toBe('子育て講座の託児');
    await expectAccessible(page, 'request-new.family-errors.ja');
    await page.context().close();
  });
});
