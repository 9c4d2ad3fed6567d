import { jest } from '@jest/globals';
import { courseWithInstructor } from './factories/proposal.factory.js';
import { oneInstructorTwoRequests } from './factories/planning.factory.js';
import { openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator, volunteerInput } from './factories/volunteer.factory.js';
import { browserSuite } from './setup/browser.js';
import { activateFromDashboard, approveCandidate } from './setup/journey-steps.js';

// A browser page with an accessibility scan takes seconds, not milliseconds.
jest.setTimeout(120_000);

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
    const short = page.getByRole('region', { name: '人が足りない募集中の依頼(締め切りの近い順)' });
    await short.getByRole('link', { name: '4年生 救命講習' }).waitFor();
    // Its candidate waits for approval, so it is listed there too.
    const awaiting = page.getByRole('region', { name: '候補者が承認を待っている依頼' });
    await awaiting.getByRole('link', { name: '4年生 救命講習' }).waitFor();
    expect(await short.getByText('決定 0 / 必要 1').isVisible()).toBe(true);
    await expectAccessible(page, 'coordinator-dashboard.ja');

    await activateFromDashboard(page, '高橋 三郎');
    await page.getByText('確認を待っている登録者はいません。').waitFor();

    await short.getByRole('link', { name: '4年生 救命講習' }).click();
    const card = page
      .getByRole('region', { name: '候補者' })
      .getByRole('article')
      .filter({ hasText: '伊藤 花' });
    await card.waitFor();
    expect(await card.getByText(/^技能のレベル \d\.\d\d、/).isVisible()).toBe(true);
    await expectAccessible(page, 'coordinator-request.ja');
    // Approved: no longer a candidate waiting, now among the people found.
    await approveCandidate(page, '伊藤 花');
    const [approved] = await t.dataSource.query(
      `SELECT status FROM proposals WHERE request_id = $1 AND volunteer_id = $2`,
      [requestId, candidate.id],
    );
    expect(approved.status).toBe('approved');

    await page.context().close();
  });

  it('shows the city-wide plan’s changes pair by pair before applying them', async () => {
    const { t } = suite;
    const { suzuki, firstAid, oldGames } = await oneInstructorTwoRequests(t);

    const page = await open('/coordinator', { session: t.sessionOf(coordinator) });
    await page.getByRole('button', { name: '変更を確認する' }).click();
    const changes = page.getByRole('table', { name: '計画で変わる候補(新しい候補と取り下げ)' });
    await changes.waitFor();
    const row = (change: string, title: string, name: string) =>
      changes
        .getByRole('row')
        .filter({ hasText: change })
        .filter({ hasText: title })
        .filter({ hasText: name });
    await row('取り下げ', '応急手当', '鈴木 一郎').waitFor();
    await expectAccessible(page, 'coordinator-plan-preview.ja');

    await page.getByRole('button', { name: 'この計画を適用する' }).click();
    await page.getByText('計画を適用しました。まもなく候補が入れ替わります。').waitFor();
    await t.drainQueue();
    const proposed = await t.dataSource.query(
      `SELECT request_id, volunteer_id FROM proposals WHERE status = 'proposed' AND request_id = ANY($1)
        ORDER BY volunteer_id`,
      [[firstAid, oldGames]],
    );
    // Suzuki moves to the class only he can take; someone else stays proposed for first aid.
    expect(proposed).toContainEqual({ request_id: oldGames, volunteer_id: suzuki.id });
    expect(proposed).not.toContainEqual({ request_id: firstAid, volunteer_id: suzuki.id });
    expect(proposed.filter((row: { request_id: string }) => row.request_id === firstAid)).not.toEqual([]);

    // The candidate the plan kept for first aid names the others it weighed, and where Suzuki went.
    await page.goto(page.url().replace(/\/coordinator$/, `/requests/${firstAid}`));
    const weighed = page.getByRole('region', { name: '候補者' }).getByText(/^計画が検討したほかの候補/);
    await weighed.waitFor();
    expect(await weighed.innerText()).toContain('鈴木 一郎(');
    expect(await weighed.innerText()).toContain('ほかの依頼に割り当て');
    await expectAccessible(page, 'coordinator-alternatives.ja');
    await page.context().close();
  });

  it('asks a new resident for more information, which they see on their page, and suspends another', async () => {
    const { t } = suite;
    const signedUp = await t
      .as()
      .post('/volunteers/signup', {
        ...volunteerInput({ name: '森 ゆかり', nameKana: 'もり ゆかり', email: 'yukari.mori@example.jp' }),
        password: 'mori yukari 2026',
      })
      .expect(201);
    const absent = await activeVolunteer(t.as, { name: '岡田 守', email: 'mamoru.okada@example.jp' });

    for (const language of ['ja', 'en'] as const) {
      const review = await open('/coordinator/residents', { language, session: t.sessionOf(coordinator) });
      await review.getByRole('article').filter({ hasText: '森 ゆかり' }).waitFor();
      await expectAccessible(review, `coordinator-residents.${language}`);
      await review.context().close();
    }

    const page = await open('/coordinator/residents', { session: t.sessionOf(coordinator) });
    const card = page.getByRole('article', { name: '森 ゆかり(もり ゆかり)' });
    await card.getByRole('button', { name: '追加情報を依頼する' }).click();
    const dialog = page.getByRole('dialog', { name: '追加情報を依頼する' });
    await dialog.getByLabel(/確認したいこと/).fill('救命講習の修了証の日付を教えてください。');
    await expectAccessible(page, 'coordinator-ask-information.ja');
    await dialog.getByRole('button', { name: '追加情報を依頼する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByText('救命講習の修了証の日付を教えてください。').waitFor();

    // Suspending an active resident needs a reason, kept in the record.
    await page.getByRole('radio', { name: '確認待ち' }).focus();
    await page.keyboard.press('ArrowRight');
    const active = page.getByRole('article', { name: /岡田 守/ });
    await active.getByRole('button', { name: '休止にする' }).click();
    const suspend = page.getByRole('dialog', { name: '休止にする' });
    await suspend.getByLabel(/休止にする理由/).fill('本人から長期不在の連絡あり');
    await suspend.getByRole('button', { name: '休止にする' }).click();
    await active.waitFor({ state: 'detached' });
    const [suspended] = await t.dataSource.query(`SELECT status FROM volunteers WHERE id = $1`, [absent.id]);
    expect(suspended.status).toBe('suspended');
    await page.context().close();

    const mine = await open('/my', { session: signedUp.body.token });
    await mine.getByText('生涯学習課からの確認', { exact: false }).waitFor();
    expect(await mine.getByText('救命講習の修了証の日付を教えてください。').isVisible()).toBe(true);
    await mine.getByRole('link', { name: '登録内容を直して答える' }).click();
    await mine.waitForURL(/\/my\/profile$/);
    await mine.context().close();
  });

  it('finds someone the worker did not propose and adds them by hand, free for the sessions first', async () => {
    const { t } = suite;
    const requestId = await openRequest(
      t.as,
      schoolVisitInput({
        title: '3年生 昔の暮らし',
        requiredSkills: [{ skillCode: 'history.local-history', minLevel: 3 }],
      }),
    );
    await activeVolunteer(t.as, {
      name: '村上 和子',
      nameKana: 'むらかみ かずこ',
      email: 'kazuko.murakami@example.jp',
      skills: [{ skillCode: 'history.old-games', level: 4 }],
    });
    await t.drainQueue();

    for (const language of ['ja', 'en'] as const) {
      const page = await open(`/requests/${requestId}`, { language, session: t.sessionOf(coordinator) });
      await page.getByRole('article', { name: /村上 和子/ }).waitFor();
      await expectAccessible(page, `coordinator-add-by-hand.${language}`);
      await page.context().close();
    }

    const page = await open(`/requests/${requestId}`, { session: t.sessionOf(coordinator) });
    const search = page.getByRole('search', { name: '人を選んで加える' });
    await search.getByLabel('氏名・ふりがな').fill('むらかみ');
    await search.getByLabel('すべての日時に都合のつく人だけ').check();
    await search.getByRole('button', { name: '探す' }).click();
    const found = page.getByRole('article', { name: '村上 和子(むらかみ かずこ)' });
    await found.getByText('日時の都合がつく').waitFor();
    await found.getByRole('button', { name: 'この人を加える' }).click();
    // Added approved: among the people found, marked as chosen by hand; the resident is asked next.
    const person = page.getByRole('article').filter({ hasText: 'コーディネーターが選びました' });
    await person.getByText('本人の返事待ち').waitFor();
    const [proposal] = await t.dataSource.query(
      `SELECT p.status FROM proposals p JOIN volunteers v ON v.id = p.volunteer_id
        WHERE p.request_id = $1 AND v.name = '村上 和子'`,
      [requestId],
    );
    expect(proposal.status).toBe('approved');
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
