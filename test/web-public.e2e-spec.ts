/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { beforeAll, jest } from '@jest/globals';
import { browserSuite, PHONE } from './setup/browser.js';
import { formatSlot } from '../web/src/format/time.js';
import { PASSWORD } from './factories/account.factory.js';
import { courseWithInstructor } from './factories/proposal.factory.js';
import { courseInput } from './factories/request.factory.js';
import { tokenMailedTo } from './factories/mailbox.js';
import { schoolStaff } from './factories/personas.js';
import { activeVolunteer, coordinator } from './factories/volunteer.factory.js';

// A browser page with an accessibility scan takes seconds, not milliseconds.
jest.setTimeout(120_000);

describe('The web app, for anyone', () => {
  const suite = browserSuite({ withWorker: false });
  const { expectAccessible, open } = suite;

  it('explains the talent bank in Japanese first, with the page marked as Japanese', async () => {
    const page = await open('/');
    await page.getByRole('heading', { level: 1, name: '人材バンク' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.getByRole('heading', { name: '登録するには' }).isVisible()).toBe(true);
    await expectAccessible(page, 'home.ja');
    await page.context().close();
  });

  it('switches to English, marks the page as English, and remembers the choice after a reload', async () => {
    const page = await open('/');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Talent Bank' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'How to join' }).waitFor();
    await expectAccessible(page, 'home.en');
    await page.context().close();
  });

  it('works on a 360 px phone: nothing wider than the screen', async () => {
    const page = await open('/', { viewport: PHONE });
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'home.phone.ja');
    await page.context().close();
  });

  it('lets the keyboard skip straight to the content', async () => {
    const page = await open('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  for (const language of ['ja', 'en'] as const) {
    it(`signs in, and says in ${language} why not when the password is wrong`, async () => {
      const email = `hanako.web-${language}@example.jp`;
      await activeVolunteer(suite.t.as, { email, name: '鈴木 花子' });
      const page = await open('/sign-in', { language });
      const emailField = page.getByLabel(language === 'ja' ? /^メールアドレス/ : /^Email address/);
      const passwordField = page.getByLabel(language === 'ja' ? /^パスワード/ : /^Password/);
      const submit = page.getByRole('button', { name: language === 'ja' ? 'ログイン' : 'Sign in' });
      await emailField.fill(email);
      await passwordField.fill('not the password');
      await submit.click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toBe(
        language === 'ja'
          ? 'メールアドレスまたはパスワードが正しくありません。'
          : 'The email address or password is not correct.',
      );
      // What was typed stays.
      expect(await emailField.inputValue()).toBe(email);
      await expectAccessible(page, `sign-in.${language}`);

      await passwordField.fill(PASSWORD);
      await submit.click();
      await page.getByText('鈴木 花子').waitFor();
      await page.context().close();
    });
  }

  it('lets someone who forgot their password choose a new one from the mailed link, once', async () => {
    const email = 'hiroshi.forgot@example.jp';
    await activeVolunteer(suite.t.as, { email, name: '忘 博' });
    const page = await open('/sign-in');
    await page.getByRole('link', { name: 'パスワードを忘れた方' }).click();
    await page.getByRole('heading', { level: 1, name: 'パスワードの再設定' }).waitFor();
    await page.getByLabel(/^メールアドレス/).fill(email);
    await page.getByRole('button', { name: 'リンクを送る' }).click();
    await page.getByText(/リンクをお送りしました/).waitFor();
    await expectAccessible(page, 'password-reset.ja');
    await page.context().close();

    const link = `/reset-password?token=${await tokenMailedTo(suite.t, email)}`;
    const reset = await open(link);
    const password = reset.getByLabel(/^新しいパスワード/);
    await password.fill('short');
    await reset.getByRole('button', { name: 'パスワードを決めてログイン' }).click();
    // The server's rule, shown at the field, with what was typed kept.
    await reset.getByText('10 文字以上で入力してください。').waitFor();
    expect(await password.inputValue()).toBe('short');
    await expectAccessible(reset, 'reset-password.ja');
    await password.fill('a much longer password');
    await reset.getByRole('button', { name: 'パスワードを決めてログイン' }).click();
    await reset.waitForURL(/\/my$/);
    await reset.context().close();

    const again = await open(link, { language: 'en' });
    await again.getByLabel(/^New password/).fill('yet another password');
    await again.getByRole('button', { name: 'Save the password and sign in' }).click();
    await again.getByRole('alert').waitFor();
    expect(again.url()).toContain('/reset-password');
    await expectAccessible(again, 'reset-password.used.en');
    await again.context().close();
  });

  it('lets an invited member of a school choose their password in English and act for the school', async () => {
    const [school] = (await suite.t.as(schoolStaff).get('/organisations').expect(200)).body;
    await suite.t
      .as(coordinator)
      .post(`/organisations/${school.id}/invitations`, {
        email: 'new.teacher@example.jp',
        name: '新任 先生',
        locale: 'en',
      })
      .expect(201);
    const page = await open(`/invitation?token=${await tokenMailedTo(suite.t, 'new.teacher@example.jp')}`, {
      language: 'en',
    });
    await page.getByRole('heading', { level: 1, name: /Welcome to the talent bank/ }).waitFor();
    await expectAccessible(page, 'invitation.en');
    await page.getByLabel(/^New password/).fill('chalk and blackboard');
    await page.getByRole('button', { name: 'Save the password and sign in' }).click();
    await page.waitForURL(/\/requests$/);
    await page.getByText('新任 先生', { exact: false }).waitFor();
    await page.context().close();
  });

  it('shows the public register, searchable, with display names only', async () => {
    await activeVolunteer(suite.t.as, {
      name: '山本 恵',
      email: 'megumi@example.jp',
      listedPublicly: true,
      skills: [{ skillCode: 'history.old-games', level: 5 }],
      availability: [{ weekday: 7, startTime: '13:00', endTime: '16:00' }],
    });
    for (const language of ['ja', 'en'] as const) {
      const page = await open('/instructors', { language });
      await page.getByRole('heading', { name: '山本さん' }).waitFor();
      expect(await page.getByText('megumi@example.jp').count()).toBe(0);
      await expectAccessible(page, `instructors.${language}`);
      await page.context().close();
    }
    const page = await open('/instructors');
    await page.getByRole('combobox', { name: '都合のよい時間' }).click();
    await page.getByRole('option', { name: '夜' }).click();
    await page.getByRole('button', { name: '探す' }).click();
    await page.getByText('条件に合う登録者はいません。').waitFor();
    await page.getByRole('combobox', { name: '都合のよい時間' }).click();
    await page.getByRole('option', { name: '土日' }).click();
    await page.getByRole('button', { name: '探す' }).click();
    await page.getByRole('heading', { name: '山本さん' }).waitFor();
    await page.context().close();
  });
});

describe('Learning information in the web app, for anyone', () => {
  // The course's instructor is found by the matching worker, so this suite runs it.
  const suite = browserSuite();
  const { expectAccessible, open } = suite;
  const TITLE = 'シニアのためのスマホ講座（全4回）';
  const NOT_FOUND = { ja: '講座が見つかりません', en: 'Course not found' };
  let courseId: string;

  beforeAll(async () => {
    courseId = await courseWithInstructor(
      suite.t,
      {
        capacity: 20,
        participantFeeYen: 1500,
        honorariumYen: 0,
        childcareAvailable: true,
        accessibility: ['step_free'],
      },
      { name: '佐藤 美咲', email: 'misaki.web@example.jp', listedPublicly: true },
    );
  });

  for (const language of ['ja', 'en'] as const) {
    it(`follows a course from the searched list to its page, with every date, the place, fee and capacity, in ${language}`, async () => {
      const ja = language === 'ja';
      const page = await open('/courses', { language });
      await page.getByLabel(ja ? '託児あり' : 'Childcare available').check();
      await page.getByRole('button', { name: ja ? '探す' : 'Search' }).click();
      await page.getByRole('link', { name: TITLE }).click();

      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      expect(page.url()).toContain(`/courses/${courseId}`);
      const text = await page.locator('main').innerText();
      for (const session of courseInput().slots) {
        expect(text).toContain(formatSlot(session.startsAt, session.endsAt, language));
      }
      const facts = (name: string) => page.getByRole('rowheader', { name }).locator('xpath=..');
      expect(await facts(ja ? '場所' : 'Place').innerText()).toContain(
        ja ? '内郷 内郷公民館 第1会議室' : 'Uchigo 内郷公民館 第1会議室',
      );
      expect(await facts(ja ? '参加費' : 'Fee').innerText()).toContain(ja ? '1,500円' : '¥1,500');
      expect(await facts(ja ? '定員' : 'Capacity').innerText()).toContain(ja ? '20人' : '20 people');
      expect(await facts(ja ? '託児' : 'Childcare').innerText()).toContain(ja ? 'あり' : 'Available');
      expect(await facts(ja ? '講師' : 'Instructor').innerText()).toContain('佐藤さん');
      expect(text).not.toContain('misaki.web@example.jp');
      await expectAccessible(page, `course.${language}`);

      // Back to the list as it was searched.
      await page
        .getByRole('link', { name: ja ? '学習情報の一覧へ戻る' : 'Back to learning information' })
        .click();
      await page.getByRole('link', { name: TITLE }).waitFor();
      expect(await page.getByLabel(ja ? '託児あり' : 'Childcare available').isChecked()).toBe(true);
      expect(page.url()).toContain('childcare=true');
      await page.context().close();
    });
  }

  it("works on a 360 px phone: nothing wider than the screen on a course's page", async () => {
    const page = await open(`/courses/${courseId}`, { viewport: PHONE });
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'course.phone.ja');
    await page.context().close();
  });

  for (const language of ['ja', 'en'] as const) {
    it(`says in ${language} that a course it does not show is not found`, async () => {
      const page = await open('/courses/00000000-0000-4000-8000-000000000000', { language });
      await page.getByRole('heading', { level: 1, name: NOT_FOUND[language] }).waitFor();
      await expectAccessible(page, `course-not-found.${language}`);
      await page.context().close();
    });
  }
});
