import { jest } from '@jest/globals';
import { courseWithInstructor } from './factories/proposal.factory.js';
import { openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator, volunteerInput } from './factories/volunteer.factory.js';
import { browserSuite } from './setup/browser.js';

// A browser page with an accessibility scan takes seconds, not milliseconds.
jest.setTimeout(60_000);

describe('The web app, for coordinators', () => {
  const suite = browserSuite();
  const { expectAccessible, open } = suite;

  it('shows what needs a person now, activates a new resident and approves a candidate from the score’s parts', async () => {
    const { t } = suite;
    await t
      .as()
      .post('/volunteers/signup', {
        ...volunteerInput({ name: '高橋 三郎', nameKana: 'たかはし さぶろう' }),
        password: 'takahashi 2026',
      })
      .expect(201);
    const candidate = await activeVolunteer(t.as, { name: '伊藤 花' });
    const requestId = await openRequest(t.as, schoolVisitInput({ title: '4年生 救命講習' }));
    await t.drainQueue();

    const page = await open('/coordinator', { session: t.sessionOf(coordinator) });
    await page.getByRole('heading', { level: 1, name: '今日の仕事' }).waitFor();
    await page.getByText('高橋 三郎(たかはし さぶろう)').waitFor();
    await page.getByRole('link', { name: '4年生 救命講習' }).waitFor();
    expect(await page.getByText('決定 0 / 必要 1').isVisible()).toBe(true);
    await expectAccessible(page, 'coordinator-dashboard.ja');

    await page.getByRole('button', { name: '活動を承認する' }).click();
    await page.getByText('確認を待っている登録者はいません。').waitFor();

    await page.getByRole('link', { name: '4年生 救命講習' }).click();
    const card = page.getByRole('article').filter({ hasText: '伊藤 花' });
    await card.waitFor();
    expect(await card.getByText(/^技能のレベル \d\.\d\d、/).isVisible()).toBe(true);
    await expectAccessible(page, 'coordinator-request.ja');
    await card.getByRole('button', { name: '承認する' }).click();
    // Approved: no longer a candidate waiting, now among the people found.
    await card.getByRole('button', { name: '承認する' }).waitFor({ state: 'detached' });
    const [approved] = await t.dataSource.query(
      `SELECT status FROM proposals WHERE request_id = $1 AND volunteer_id = $2`,
      [requestId, candidate.id],
    );
    expect(approved.status).toBe('approved');

    // The city-wide plan on demand: its changes first, then applied.
    await page.getByRole('link', { name: 'ダッシュボード' }).click();
    await page.getByRole('button', { name: '変更を確認する' }).click();
    await page.getByText(/^計画で埋まる席 \d+ \/ 募集中の席 \d+。/).waitFor();
    await expectAccessible(page, 'coordinator-plan-preview.ja');
    await page.getByRole('button', { name: 'この計画を適用する' }).click();
    await page.getByText('計画を適用しました。まもなく候補が入れ替わります。').waitFor();
    await t.drainQueue();
    await page.context().close();
  });

  it('lists the course a group planned, once its instructor accepted, as learning information for anyone', async () => {
    const { t } = suite;
    await courseWithInstructor(t, {
      capacity: 20,
      participantFeeYen: 500,
      honorariumYen: 0,
      childcareAvailable: true,
      accessibility: ['step_free'],
    });

    for (const language of ['ja', 'en'] as const) {
      const page = await open('/courses', { language });
      const card = page.getByRole('article').filter({ hasText: 'シニアのためのスマホ講座（全4回）' });
      await card.waitFor();
      expect(await card.innerText()).toContain(language === 'ja' ? '定員 20人' : 'Up to 20 people');
      await expectAccessible(page, `courses.${language}`);
      await page.context().close();
    }
  });
});
