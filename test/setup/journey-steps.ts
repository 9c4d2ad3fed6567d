/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import type { Page } from 'playwright-core';
import type { TestApp } from './test-app.js';

/*
 * Steps of the web app that more than one browser test takes, written once, in Japanese (the app's first
 * language): signing up by keyboard, asking for people, approving, accepting, recording the day.
 */

/** Types into whatever has focus, then moves on with Tab: a keyboard, nothing else. */
export async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/**
 * The name of what has focus, as a screen reader would say it, read after the next frame: the app moves
 * focus to a refused field in an animation frame.
 */
export function focusedLabel(page: Page): Promise<string | null | undefined> {
  return page.evaluate(async () => {
    await new Promise(requestAnimationFrame);
    const element = document.activeElement as HTMLInputElement | null;
    return element?.labels?.[0]?.textContent ?? element?.getAttribute('aria-label') ?? element?.textContent;
  });
}

/** Presses a button by keyboard: focus, then Enter. */
export async function pressByKeyboard(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

/** Chooses in a searchable list by keyboard: part of the option's name typed, the first match taken. */
export async function chooseByKeyboard(page: Page, combobox: string, typed: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).focus();
  await page.keyboard.type(typed);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** Someone who signs up, as they would type it. */
export interface Newcomer {
  name: string;
  nameKana: string;
  email: string;
  phone: string;
  password: string;
  /** Typed into the home district's list; the first match is taken. */
  homeDistrict: string;
  /** Typed into the languages list, one by one, beside Japanese. */
  otherLanguages?: string[];
  /** Typed into the skill search; the first match is taken, at `level`. */
  skill: { typed: string; level: 1 | 2 | 3 | 4 | 5 };
  /** The weekdays (1 = Monday) they are free in one part of the day (0 morning, 1 afternoon, 2 evening). */
  freeAt: { partIndex: 0 | 1 | 2; weekdays: number[] };
}

/** The five steps of `/sign-up`, by keyboard alone; each leaves focus in its step. */
export const signUpStep = {
  /** Step 1, from the name on: ends with Enter in the password field. */
  async aboutYou(page: Page, newcomer: Newcomer): Promise<void> {
    await page.getByLabel(/^氏名/).focus();
    for (const text of [newcomer.name, newcomer.nameKana, newcomer.email, newcomer.phone]) {
      await typeAndTab(page, text);
    }
    await page.keyboard.type(newcomer.password);
    await page.keyboard.press('Enter');
  },

  /** Step 2: the home district, and languages beside Japanese. */
  async where(page: Page, newcomer: Newcomer): Promise<void> {
    await chooseByKeyboard(page, 'お住まいの地区', newcomer.homeDistrict);
    for (const language of newcomer.otherLanguages ?? []) {
      await chooseByKeyboard(page, '使える言語', language);
      await page.keyboard.press('Escape');
    }
  },

  /** Step 3: one skill, found by typing part of its name, at its level. */
  async skills(page: Page, newcomer: Newcomer): Promise<void> {
    await chooseByKeyboard(page, '技能を追加', newcomer.skill.typed);
    await page.getByRole('radio', { name: String(newcomer.skill.level) }).focus();
    await page.keyboard.press('Space');
  },

  /** Step 4: cells of the weekly grid, by arrow keys and the space bar from Monday morning. */
  async when(page: Page, newcomer: Newcomer): Promise<void> {
    await page.getByRole('button', { name: '月曜日 午前 09:00–12:00' }).focus();
    for (let part = 0; part < newcomer.freeAt.partIndex; part++) await page.keyboard.press('ArrowDown');
    let weekday = 1;
    for (const free of [...newcomer.freeAt.weekdays].sort()) {
      for (; weekday < free; weekday++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Space');
    }
  },

  /** Step 5: agrees to the privacy notice (not yet sent). */
  async agree(page: Page): Promise<void> {
    await page.getByRole('checkbox', { name: /同意します/ }).focus();
    await page.keyboard.press('Space');
  },

  /** Moves on with the step's 次へ button, to step `next` of five. */
  async next(page: Page, next: number): Promise<void> {
    await pressByKeyboard(page, '次へ');
    await page.getByRole('heading', { name: new RegExp(`${next} / 5`) }).waitFor();
  },

  /** Sends the sign-up from the last step and waits to be told it arrived. */
  async submit(page: Page): Promise<void> {
    await pressByKeyboard(page, '登録する');
    await page.getByRole('heading', { name: '登録を受け付けました' }).waitFor();
  },
};

/** The whole sign-up on an open `/sign-up` page, by keyboard alone; the page ends signed in as them. */
export async function signUpByKeyboard(page: Page, newcomer: Newcomer): Promise<void> {
  await page.getByRole('heading', { level: 1, name: '人材バンクに登録する' }).waitFor();
  await signUpStep.aboutYou(page, newcomer);
  await page.getByRole('heading', { name: /2 \/ 5/ }).waitFor();
  await signUpStep.where(page, newcomer);
  await signUpStep.next(page, 3);
  await signUpStep.skills(page, newcomer);
  await signUpStep.next(page, 4);
  await signUpStep.when(page, newcomer);
  await signUpStep.next(page, 5);
  await signUpStep.agree(page);
  await signUpStep.submit(page);
}

/** The session a page's browser holds (after a sign-up, say), to open the app as the same person elsewhere. */
export function sessionIn(page: Page): Promise<string> {
  return page.evaluate(() => localStorage.getItem('talent-bank.session') ?? '');
}

/** A coordinator activates a resident from the dashboard's list of sign-ups waiting for review. */
export async function activateFromDashboard(page: Page, name: string): Promise<void> {
  const card = page.getByRole('article').filter({ hasText: name });
  await card.getByRole('button', { name: '活動を承認する' }).click();
  await card.waitFor({ state: 'detached' });
}

/** A coordinator approves a candidate on a request's page; they move on to the people found. */
export async function approveCandidate(page: Page, name: string): Promise<void> {
  const approve = page
    .getByRole('article')
    .filter({ hasText: name })
    .getByRole('button', { name: '承認する' });
  await approve.click();
  await approve.waitFor({ state: 'detached' });
}

/** A resident accepts a request waiting for their answer on `/my`; it moves to their plans. */
export async function acceptOnMyPage(page: Page, title: string): Promise<void> {
  const waiting = page.getByRole('region', { name: 'あなたの返事を待っている依頼' });
  await waiting.getByRole('heading', { name: title }).waitFor();
  await waiting
    .getByRole('article')
    .filter({ hasText: title })
    .getByRole('button', { name: '引き受ける' })
    .click();
  await page
    .getByRole('region', { name: '予定している活動' })
    .getByRole('heading', { name: title })
    .waitFor();
}

/** Picks a day of next month in the date picker labelled `label`. */
export async function pickNextMonthDay(page: Page, label: RegExp, day: number): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  const dropdown = page.locator('.mantine-Popover-dropdown:visible');
  await dropdown.getByRole('button', { name: '次の月' }).click();
  await dropdown
    .locator('button.mantine-DatePickerInput-day:not([data-outside])', { hasText: new RegExp(`^${day}$`) })
    .click();
}

/** What every new request asks whatever its kind: where, by when, the first session's day, a required skill. */
export interface RequestBasics {
  /** The district's name, as the list shows it. */
  district: string;
  /** Days of next month. */
  deadlineDay: number;
  firstSessionDay: number;
  /** Typed into the skill search, and the option then chosen. */
  skill: { typed: string; option: string };
}

/** Fills the district, the deadline, the first session's day and one required skill on `/requests/new`. */
export async function fillRequestBasics(page: Page, basics: RequestBasics): Promise<void> {
  await page.getByRole('combobox', { name: '地区' }).click();
  await page.getByRole('option', { name: basics.district, exact: true }).click();
  await pickNextMonthDay(page, /^募集の締め切り/, basics.deadlineDay);
  await pickNextMonthDay(page, /^日にち \(1\)/, basics.firstSessionDay);
  await addRequiredSkill(page, basics.skill);
}

/** A school visit's own fields (the form's first kind), then the {@link RequestBasics}, on `/requests/new`. */
export async function fillSchoolVisit(
  page: Page,
  lesson: { subject: string; topic: string },
  basics: RequestBasics,
): Promise<void> {
  await page.getByLabel(/^教科・時間/).fill(lesson.subject);
  await page.getByLabel(/^テーマ/).fill(lesson.topic);
  await fillRequestBasics(page, basics);
}

/**
 * A course series on `/requests/new`: the kind, capacity and childcare, the {@link RequestBasics}, the
 * sessions' times when given, and the first session repeated on the three weeks after it.
 */
export async function fillWeeklyCourse(
  page: Page,
  course: { capacity: number; childcareAvailable: boolean; start?: string; end?: string },
  basics: RequestBasics,
): Promise<void> {
  await page.getByText('講座の講師', { exact: true }).click();
  await page.getByLabel(/^定員/).fill(String(course.capacity));
  await page.getByLabel('託児あり').setChecked(course.childcareAvailable);
  await fillRequestBasics(page, basics);
  if (course.start && course.end) await firstSessionTimes(page, course.start, course.end);
  await page.getByRole('button', { name: '毎週くり返す(あと3回)' }).click();
}

/** Sets the first session's start and end (Japan time, `HH:MM`) on `/requests/new`. */
export async function firstSessionTimes(page: Page, start: string, end: string): Promise<void> {
  await page.getByLabel(/^開始/).fill(start);
  await page.getByLabel(/^終了/).fill(end);
}

/** Adds a required skill on `/requests/new`, found by typing part of its name. */
async function addRequiredSkill(page: Page, skill: RequestBasics['skill']): Promise<void> {
  await page.getByRole('combobox', { name: '必要な技能を追加' }).fill(skill.typed);
  await page.getByRole('option', { name: skill.option }).click();
}

/**
 * Moves the server's clock and the page's to an hour after the request's last session, so the day is
 * over for both; returns that instant. The server's clock stays there until `t.clock.backToNow()`.
 */
export async function travelPastSessions(t: TestApp, page: Page, requestId: string): Promise<Date> {
  const [{ ends_at: lastEnd }] = await t.dataSource.query<{ ends_at: Date }[]>(
    `SELECT max(ends_at) AS ends_at FROM request_slots WHERE request_id = $1`,
    [requestId],
  );
  const afterwards = new Date(new Date(lastEnd).getTime() + 60 * 60_000);
  t.clock.travelTo(afterwards);
  await page.clock.setFixedTime(afterwards);
  return afterwards;
}

/**
 * On a request's page after the day: the requester records the hours, then sends feedback with a
 * comment; `beforeSending` runs with the feedback form filled in (to scan it, say).
 */
export async function recordHoursAndFeedback(
  page: Page,
  record: { hours: string; comment: string },
  beforeSending: () => Promise<void> = async () => {},
): Promise<void> {
  await page.getByLabel('活動時間(時間)').fill(record.hours);
  await page.getByRole('button', { name: '実施を記録する' }).click();
  await page.getByRole('button', { name: '送る' }).waitFor();
  await page.getByLabel('コメント').fill(record.comment);
  await beforeSending();
  await page.getByRole('button', { name: '送る' }).click();
  await page.getByText(/感想を送りました。/).waitFor();
}

/** The activities and hours the office's page shows for the year (in Japanese or English). */
export async function yearTotals(page: Page): Promise<{ activities: number; hours: number }> {
  await page
    .getByText(/^(活動|Activities)$/)
    .first()
    .waitFor();
  const totals = await page.locator('.mantine-SimpleGrid-root').first().innerText();
  const figures = /^(?:活動|Activities)\s+([\d,]+)\s+(?:時間|Hours)\s+([\d,.]+)\s/.exec(totals);
  if (!figures) throw new Error(`No totals in ${JSON.stringify(totals)}`);
  return {
    activities: Number(figures[1].replaceAll(',', '')),
    hours: Number(figures[2].replaceAll(',', '')),
  };
}
