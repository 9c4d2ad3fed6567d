import { jest } from '@jest/globals';
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
    await page.context().close();
  });
});
