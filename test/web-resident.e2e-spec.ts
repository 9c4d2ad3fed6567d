/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { jest } from '@jest/globals';
import { PASSWORD } from './factories/account.factory.js';
import { openRequest, schoolVisitInput } from './factories/request.factory.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';
import { browserSuite, PHONE } from './setup/browser.js';
import {
  acceptOnMyPage,
  focusedLabel,
  pressByKeyboard,
  signUpStep,
  type Newcomer,
} from './setup/journey-steps.js';

// A browser page with an accessibility scan takes seconds, not milliseconds.
jest.setTimeout(120_000);

describe('The web app, for residents', () => {
  const suite = browserSuite();
  const { expectAccessible } = suite;

  it('lets a resident sign up by keyboard alone, keeping their progress through a reload', async () => {
    const yamada: Newcomer = {
      name: '山田 太郎',
      nameKana: 'やまだ たろう',
      email: 'taro.yamada@example.jp',
      phone: '0246-22-3333',
      password: 'yamada taro 2026',
      homeDistrict: '平',
      skill: { typed: '応急', level: 4 },
      freeAt: { partIndex: 0, weekdays: [6, 7] },
    };
    const page = await suite.open(`/sign-up`);
    await page.getByRole('heading', { level: 1, name: '人材バンクに登録する' }).waitFor();
    await expectAccessible(page, 'sign-up.1.ja');

    // Step 1: about you, with a password too short: the resident stays on this step, told why next to it.
    await signUpStep.aboutYou(page, { ...yamada, password: 'short' });
    await page.getByText('10文字以上にしてください').waitFor();
    await page.getByLabel(/^パスワード/).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(yamada.password);
    await page.keyboard.press('Enter');

    // Step 2: districts and languages. A reload keeps everything but the password.
    await page.getByRole('heading', { name: /2 \/ 5/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: /2 \/ 5/ }).waitFor();
    await signUpStep.where(page, yamada);
    await expectAccessible(page, 'sign-up.2.ja');
    // The 次へ button by keyboard: Enter in a list just closed could reopen it instead.
    await signUpStep.next(page, 3);

    // Step 3: a skill, found by typing part of its name, at level 4.
    await signUpStep.skills(page, yamada);
    await expectAccessible(page, 'sign-up.3.ja');
    await signUpStep.next(page, 4);

    // Step 4: Saturday and Sunday mornings, by arrow keys and the space bar in the grid.
    await signUpStep.when(page, yamada);
    expect(
      await page.getByRole('button', { name: '土曜日 午前 09:00–12:00' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await expectAccessible(page, 'sign-up.4.ja');
    await signUpStep.next(page, 5);

    // Step 5: the notice in full, and consent. The password was not kept through the reload.
    expect(await page.getByText('4. 保存と削除').isVisible()).toBe(true);
    await signUpStep.agree(page);
    await expectAccessible(page, 'sign-up.5.ja');
    await pressByKeyboard(page, '登録する');
    // Back to the first step, where the password is asked for again.
    await page.getByRole('heading', { name: /1 \/ 5/ }).waitFor();
    await page.getByLabel(/^パスワード/).focus();
    await page.keyboard.type(yamada.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /2 \/ 5/ }).waitFor();
    for (let step = 2; step < 5; step++) await signUpStep.next(page, step + 1);
    await signUpStep.submit(page);

    const { body } = await suite.t.as(coordinator).get('/volunteers?status=pending_review').expect(200);
    const signedUp = body.items.find(
      (volunteer: { email: string }) => volunteer.email === 'taro.yamada@example.jp',
    );
    expect(signedUp).toMatchObject({
      name: '山田 太郎',
      nameKana: 'やまだ たろう',
      homeDistrictCode: 'taira',
      skills: [{ skillCode: 'disaster.first-aid', level: 4, note: null }],
      availability: [
        { weekday: 6, startTime: '09:00', endTime: '12:00' },
        { weekday: 7, startTime: '09:00', endTime: '12:00' },
      ],
      consent: { version: '2026-04' },
    });
    await page.context().close();
  });

  it('shows the sign-up in English on a phone', async () => {
    const page = await suite.open(`/sign-up`, { viewport: PHONE, language: 'en' });
    await page.getByRole('heading', { level: 1, name: 'Register with the talent bank' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'sign-up.1.en.phone');
    await page.context().close();
  });

  it('lets a resident change their skills, what they have learned and their days off, kept through a reload', async () => {
    // A day off held already, with a reason the page does not show, in the month after this one.
    const thisMonth = new Date();
    thisMonth.setDate(1);
    const nextMonth = new Date(thisMonth.getFullYear(), thisMonth.getMonth() + 1, 1);
    const dayOf = (month: Date, day: number) => new Date(month.getFullYear(), month.getMonth(), day);
    const isoDay = (date: Date) =>
      `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    /** How the Japanese calendar names a day to a screen reader, e.g. `15 2月 2027`. */
    const calendarDay = (date: Date) => `${date.getDate()} ${date.getMonth() + 1}月 ${date.getFullYear()}`;
    const held = dayOf(nextMonth, 2);
    const picked = dayOf(nextMonth, 15);
    const achieved = dayOf(thisMonth, 1);
    const hanako = await activeVolunteer(suite.t.as, {
      email: 'hanako.skills@example.jp',
      unavailableDates: [{ date: isoDay(held), reason: '帰省' }],
    });

    const page = await suite.open('/my/profile', { session: hanako.token });
    await page.getByRole('heading', { level: 1, name: '登録内容の変更' }).waitFor();
    await page.getByRole('group', { name: '応急手当' }).waitFor();

    // A skill found by its field's name (郷土史・伝統文化), at level 5.
    await page.getByRole('combobox', { name: '技能を追加' }).fill('郷土史');
    await page.getByRole('option', { name: '書道' }).click();
    const calligraphy = page.getByRole('group', { name: '書道' });
    await calligraphy.getByRole('radio', { name: '5' }).focus();
    await page.keyboard.press('Space');

    // A learning outcome, sent first without its title: the server's word shows at the field, and
    // nothing typed is lost.
    await page.getByRole('button', { name: '学習の成果を追加' }).click();
    const outcome = page.getByRole('group', { name: '学習の成果 1' });
    await outcome.getByRole('textbox', { name: '発行・実施した機関' }).fill('日本習字教育財団');
    await page.getByRole('button', { name: '保存する' }).click();
    await outcome.getByText('入力してください。').waitFor();
    // Focus moves to the field to fix once the error shows; on a busy machine a frame or two later.
    await page
      .locator(':focus')
      .and(outcome.getByRole('textbox', { name: /^名称/ }))
      .waitFor();
    expect(await focusedLabel(page)).toMatch(/^名称/);
    expect(await outcome.getByRole('textbox', { name: '発行・実施した機関' }).inputValue()).toBe(
      '日本習字教育財団',
    );
    expect(await calligraphy.getByRole('radio', { name: '5' }).isChecked()).toBe(true);
    await page.keyboard.type('書道師範');
    await outcome.getByRole('combobox', { name: '種類' }).click();
    await page.getByRole('option', { name: '資格' }).click();
    await outcome.getByRole('button', { name: /^取得・修了した日/ }).click();
    await page.getByRole('button', { name: calendarDay(achieved), exact: true }).click();
    await outcome.getByRole('combobox', { name: '関係する技能' }).fill('書');
    await page.getByRole('option', { name: '書道' }).click();
    await page.keyboard.press('Escape');

    // A day off, picked in the calendar that opens on the month of the day held.
    await page.getByRole('button', { name: /^活動できない日/ }).click();
    await page.getByRole('button', { name: calendarDay(picked), exact: true }).click();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    await expectAccessible(page, 'profile.ja');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '登録内容の変更' }).waitFor();
    await page.getByRole('group', { name: '書道' }).waitFor();
    expect(await calligraphy.getByRole('radio', { name: '5' }).isChecked()).toBe(true);
    expect(await outcome.getByRole('textbox', { name: '名称' }).inputValue()).toBe('書道師範');

    const { body } = await suite.t.as(coordinator).get(`/volunteers/${hanako.id}`).expect(200);
    expect(body.skills).toEqual([
      { skillCode: 'disaster.first-aid', level: 4, note: '日本赤十字社 救急法指導員' },
      { skillCode: 'history.calligraphy', level: 5, note: null },
    ]);
    expect(body.learningOutcomes).toMatchObject([
      {
        kind: 'certificate',
        title: '書道師範',
        issuer: '日本習字教育財団',
        achievedOn: isoDay(achieved),
        skillCodes: ['history.calligraphy'],
      },
    ]);
    expect(body.unavailableDates).toEqual([
      { date: isoDay(held), reason: '帰省' },
      { date: isoDay(picked), reason: null },
    ]);
    await page.context().close();

    // The same page in English, on a phone.
    const english = await suite.open('/my/profile', {
      session: hanako.token,
      language: 'en',
      viewport: PHONE,
    });
    await english.getByRole('heading', { level: 1, name: 'Change what you registered' }).waitFor();
    await english.getByRole('group', { name: 'Calligraphy' }).waitFor();
    expect(
      await english
        .getByRole('group', { name: 'Learning outcome 1' })
        .getByRole('combobox', { name: 'Kind' })
        .inputValue(),
    ).toBe('Certificate');
    const overflow = await english.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(english, 'profile.en');
    await english.context().close();
  });

  it('lets a resident answer a request on a phone with one tap, and shows it in their plans', async () => {
    const email = 'hanako.phone@example.jp';
    const hanako = await activeVolunteer(suite.t.as, { email, name: '鈴木 花子' });
    const requestId = await openRequest(suite.t.as, schoolVisitInput({ venue: '平第一小学校 体育館' }));
    await suite.t.drainQueue();
    const { body } = await suite.t
      .as(coordinator)
      .get(`/requests/${requestId}/proposals?status=proposed`)
      .expect(200);
    const proposal = body.items.find(
      (item: { volunteer: { id: string } }) => item.volunteer.id === hanako.id,
    );
    await suite.t.as(coordinator).post(`/proposals/${proposal.id}/approve`).expect(200);

    const page = await suite.open(`/my`, { viewport: PHONE });
    // Not signed in: sent to sign in, told why, then brought to their page.
    await page.getByText('マイページを見るには、ログインしてください。').waitFor();
    await page.getByLabel(/^メールアドレス/).fill(email);
    await page.getByLabel(/^パスワード/).fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();

    const waiting = page.getByRole('region', { name: 'あなたの返事を待っている依頼' });
    await waiting.getByRole('heading', { name: '5年生 応急手当教室' }).waitFor();
    // Why they were chosen names the skill, which shows once the skills' names have loaded.
    await waiting.getByText('応急手当(あなたのレベル 4)').waitFor();
    expect(await waiting.getByText(/^場所: 平第一小学校 体育館$/).isVisible()).toBe(true);
    expect(
      await waiting.getByText(/^\d{4}年\d{1,2}月\d{1,2}日\(.\) \d{2}:\d{2}–\d{2}:\d{2}$/).isVisible(),
    ).toBe(true);
    await expectAccessible(page, 'my-page.phone.ja');

    await page.getByRole('button', { name: '辞退する' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'my-page.decline-dialog.ja');
    await page.getByRole('dialog').getByRole('button', { name: 'やめる', exact: true }).click();

    await acceptOnMyPage(page, '5年生 応急手当教室');
    expect(await waiting.getByText('今、返事を待っている依頼はありません。').isVisible()).toBe(true);
    const [{ status }] = await suite.t.dataSource.query(`SELECT status FROM proposals WHERE id = $1`, [
      proposal.id,
    ]);
    expect(status).toBe('accepted');

    // Their free times change: Saturday evenings from now on.
    await page.getByRole('link', { name: '登録内容を変更する' }).click();
    await page.getByRole('button', { name: '土曜日 夜 17:00–21:00' }).click();
    await page.getByLabel('1か月に引き受けられる回数').fill('6');
    await expectAccessible(page, 'profile.phone.ja');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました。').waitFor();
    const profile = await suite.t.as(coordinator).get(`/volunteers/${hanako.id}`).expect(200);
    expect(profile.body.monthlyCap).toBe(6);
    expect(profile.body.availability).toContainEqual({ weekday: 6, startTime: '17:00', endTime: '21:00' });

    await page.goto(page.url().replace(/\/my\/profile$/, '/my'));
    await page.evaluate(() => localStorage.setItem('talent-bank.language', 'en'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My page' }).waitFor();
    await expectAccessible(page, 'my-page.phone.en');
    await page.context().close();
  });
});
