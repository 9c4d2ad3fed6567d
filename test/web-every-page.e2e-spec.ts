import { readFile } from 'node:fs/promises';
import { beforeAll, expect, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { en } from '../web/src/i18n/en.js';
import { ja, type WebCatalogue } from '../web/src/i18n/ja.js';
import { mailTo } from './factories/mailbox.js';
import { cityOffice, coordinator, schoolStaff } from './factories/personas.js';
import { acceptedProposal, proposalFor } from './factories/proposal.factory.js';
import { courseInput, openRequest, schoolVisitInput } from './factories/request.factory.js';
import { slot, upcoming } from './factories/time.js';
import { activeVolunteer, volunteerInput, type SignedInResident } from './factories/volunteer.factory.js';
import { browserSuite } from './setup/browser.js';
import type { TestApp } from './setup/test-app.js';

// Seeding runs the matching worker for four requests; each page is then loaded, scanned and photographed.
jest.setTimeout(90_000);

const WAITING = '5年生 応急手当教室';
const COURSE = 'シニアのためのスマホ講座（全4回）';
const DONE = '6年生 防災教室';
const CANDIDATES = '3年生 昔遊び体験';
const PENDING = '高橋 三郎';

/** What the pages show: a resident with a request waiting, one accepted and one done, and more. */
interface Seed {
  /** Suzuki Hanako: asked for the first-aid class, the smartphone course's instructor, done the drill. */
  hanako: SignedInResident;
  /** Takahashi Saburo, signed up and waiting for review. */
  pending: { token: string };
  /** The smartphone course, accepted by Hanako: learning information, with contact for the school. */
  courseId: string;
  /** The old-games class, with a candidate (Yamamoto, listed publicly) waiting for a coordinator. */
  candidatesId: string;
  /** From the mail asking Hanako about the first-aid class: its answer link and its unsubscribe link. */
  answerToken: string;
  unsubscribeToken: string;
}

const HANAKO_EMAIL = 'hanako.every-page@example.jp';

/** The links in the mail a coordinator's approval sends the resident, once the worker has written it. */
async function approvalMailLinks(t: TestApp): Promise<{ answerToken: string; unsubscribeToken: string }> {
  for (let tries = 0; tries < 200; tries += 1) {
    const text = (await mailTo(t, HANAKO_EMAIL)).map((mail) => mail.text ?? '').join('\n');
    const answerToken = /\/answer\?token=([\w-]+)/.exec(text)?.[1];
    const unsubscribeToken = /\/unsubscribe\?token=([\w-]+)/.exec(text)?.[1];
    if (answerToken && unsubscribeToken) return { answerToken, unsubscribeToken };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('No approval mail to Hanako');
}

async function seed(t: TestApp): Promise<Seed> {
  const pending = await t
    .as()
    .post('/volunteers/signup', {
      ...volunteerInput({ name: PENDING, nameKana: 'たかはし さぶろう' }),
      password: 'takahashi 2026',
    })
    .expect(201);
  await activeVolunteer(t.as, {
    name: '山本 恵',
    listedPublicly: true,
    skills: [{ skillCode: 'history.old-games', level: 5 }],
  });
  const hanako = await activeVolunteer(t.as, {
    name: '鈴木 花子',
    email: HANAKO_EMAIL,
    travelDistrictCodes: ['uchigo'],
    monthlyCap: 10,
    skills: [
      { skillCode: 'disaster.first-aid', level: 4 },
      { skillCode: 'it.smartphone', level: 5 },
    ],
  });

  const waitingId = await openRequest(t.as, schoolVisitInput({ title: WAITING }));
  const courseId = await openRequest(t.as, courseInput({ title: COURSE }));
  const doneId = await openRequest(
    t.as,
    schoolVisitInput({ title: DONE, slots: [slot(upcoming(5), '10:40', '12:15')] }),
  );
  const candidatesId = await openRequest(
    t.as,
    schoolVisitInput({
      title: CANDIDATES,
      description: 'こま回しやお手玉を、地域の方に教わります。',
      slots: [slot(upcoming(1), '10:40', '12:15')],
      requiredSkills: [{ skillCode: 'history.old-games', minLevel: 3 }],
    }),
  );
  await t.drainQueue();

  const waiting = await proposalFor(t.as, waitingId, hanako);
  await t.as(coordinator).post(`/proposals/${waiting.id}/approve`).expect(200);
  await acceptedProposal(t.as, courseId, hanako);
  const done = await acceptedProposal(t.as, doneId, hanako);
  // After the drill: the school records the hours, and both sides say how it went.
  t.clock.travelTo(new Date(new Date(done.request.slots[0].endsAt).getTime() + 3_600_000));
  try {
    await t.as(schoolStaff).post(`/proposals/${done.id}/complete`, { hours: 1.5 }).expect(200);
    await t
      .as(schoolStaff)
      .post(`/proposals/${done.id}/feedback`, { rating: 5, comment: '子どもたちが真剣に聞いていました。' })
      .expect(201);
    await t
      .as(hanako)
      .post(`/proposals/${done.id}/feedback`, { rating: 3, comment: '体育館の場所がわかりにくかった。' })
      .expect(201);
  } finally {
    t.clock.backToNow();
  }
  return {
    hanako,
    pending: { token: pending.body.token as string },
    courseId,
    candidatesId,
    ...(await approvalMailLinks(t)),
  };
}

type Role = 'anyone' | 'resident' | 'requester' | 'coordinator' | 'admin';
type Language = 'ja' | 'en';
const WORDS: Record<Language, WebCatalogue> = { ja, en };

interface Shown {
  page: Page;
  words: WebCatalogue;
  seed: Seed;
}

/** One page of the web app as one role sees it. */
interface PageScan {
  /** The route as web/src/main.tsx declares it: `/` for the index route, `*` for the rest. */
  route: string;
  role: Role;
  /** The page's part of the scan's name, `every.<role>.<page>.<language>`. */
  page: string;
  path: (seed: Seed) => string;
  /** Resolves once the page shows its own content, loaded from the API, not just the frame around it. */
  ready: (shown: Shown) => Promise<unknown>;
  /** Someone other than the role's usual person (see {@link sessionOf}). */
  as?: (seed: Seed) => string;
}

const title = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Every page, once for each role that uses it. A new page is one more line here. */
const PAGES: PageScan[] = [
  {
    route: '/',
    role: 'anyone',
    page: 'home',
    path: () => '/',
    ready: ({ page, words }) => title(page, words.home.title),
  },
  {
    route: '/sign-in',
    role: 'anyone',
    page: 'sign-in',
    path: () => '/sign-in',
    ready: ({ page, words }) => title(page, words.signIn.title),
  },
  {
    route: '/password-reset',
    role: 'anyone',
    page: 'password-reset',
    path: () => '/password-reset',
    ready: ({ page, words }) => title(page, words.password.requestTitle),
  },
  {
    route: '/reset-password',
    role: 'anyone',
    page: 'reset-password',
    path: () => '/reset-password?token=from-the-mail',
    ready: ({ page, words }) => title(page, words.password.resetTitle),
  },
  {
    route: '/invitation',
    role: 'anyone',
    page: 'invitation',
    path: () => '/invitation?token=from-the-mail',
    ready: ({ page, words }) => title(page, words.password.invitationTitle),
  },
  {
    route: '/sign-up',
    role: 'anyone',
    page: 'sign-up',
    path: () => '/sign-up',
    ready: ({ page }) => page.getByRole('heading', { name: /1 \/ 5/ }).waitFor(),
  },
  {
    route: '/instructors',
    role: 'anyone',
    page: 'instructors',
    path: () => '/instructors',
    ready: ({ page }) => page.getByRole('heading', { name: '山本さん' }).waitFor(),
  },
  {
    route: '/courses',
    role: 'anyone',
    page: 'courses',
    path: () => '/courses',
    ready: ({ page }) => page.getByRole('link', { name: COURSE }).waitFor(),
  },
  {
    route: '/courses/:id',
    role: 'anyone',
    page: 'course',
    path: (seed) => `/courses/${seed.courseId}`,
    ready: ({ page }) => title(page, COURSE),
  },
  {
    route: '*',
    role: 'anyone',
    page: 'not-found',
    path: () => '/no-such-page',
    ready: ({ page, words }) => title(page, words.notFound.title),
  },
  {
    route: '/answer',
    role: 'anyone',
    page: 'answer',
    path: (seed) => `/answer?token=${seed.answerToken}&answer=accept`,
    ready: ({ page }) => page.getByRole('heading', { name: WAITING }).waitFor(),
  },
  {
    route: '/unsubscribe',
    role: 'anyone',
    page: 'unsubscribe',
    path: (seed) => `/unsubscribe?token=${seed.unsubscribeToken}`,
    ready: ({ page, words }) => title(page, words.unsubscribe.title),
  },
  {
    route: '/notifications',
    role: 'resident',
    page: 'notification-settings',
    path: () => '/notifications',
    ready: ({ page, words }) =>
      page.getByRole('checkbox', { name: words.notificationKinds.proposalApproved }).waitFor(),
  },
  {
    route: '/my',
    role: 'resident',
    page: 'my',
    path: () => '/my',
    ready: ({ page, words }) =>
      Promise.all([
        region(page, words.myPage.waiting).getByRole('heading', { name: WAITING }).waitFor(),
        region(page, words.myPage.schedule).getByRole('heading', { name: COURSE }).waitFor(),
        region(page, words.myPage.history).getByRole('heading', { name: DONE }).waitFor(),
      ]),
  },
  {
    route: '/my',
    role: 'resident',
    page: 'my-under-review',
    path: () => '/my',
    as: (seed) => seed.pending.token,
    ready: ({ page, words }) => page.getByText(words.myPage.underReview).waitFor(),
  },
  {
    route: '/my/profile',
    role: 'resident',
    page: 'profile',
    path: () => '/my/profile',
    ready: ({ page, words }) =>
      page.getByRole('group', { name: words === ja ? '応急手当' : 'First aid' }).waitFor(),
  },
  {
    route: '/requests',
    role: 'requester',
    page: 'requests',
    path: () => '/requests',
    ready: ({ page }) => page.getByRole('link', { name: WAITING }).waitFor(),
  },
  {
    route: '/requests/new',
    role: 'requester',
    page: 'request-new',
    path: () => '/requests/new',
    ready: ({ page, words }) => title(page, words.requests.new),
  },
  {
    route: '/requests/:id',
    role: 'requester',
    page: 'request',
    path: (seed) => `/requests/${seed.courseId}`,
    // Accepted: the instructor by full name, with contact details.
    ready: ({ page }) => page.getByRole('heading', { name: /鈴木 花子/ }).waitFor(),
  },
  {
    route: '/requests',
    role: 'coordinator',
    page: 'requests',
    path: () => '/requests',
    ready: ({ page }) => page.getByRole('link', { name: CANDIDATES }).waitFor(),
  },
  {
    route: '/requests/:id',
    role: 'coordinator',
    page: 'request',
    path: (seed) => `/requests/${seed.candidatesId}`,
    // The candidate, and the search to add someone by hand with its first results (her too).
    ready: async ({ page, words }) => {
      await region(page, words.coordinator.candidates)
        .getByRole('article')
        .filter({ hasText: '山本 恵' })
        .waitFor();
      await region(page, words.coordinator.addByHand).getByRole('article').first().waitFor();
    },
  },
  {
    route: '/coordinator',
    role: 'coordinator',
    page: 'dashboard',
    path: () => '/coordinator',
    ready: ({ page, words }) =>
      Promise.all([
        page.getByRole('article', { name: new RegExp(PENDING) }).waitFor(),
        region(page, words.coordinator.awaitingApproval).getByRole('link', { name: CANDIDATES }).waitFor(),
      ]),
  },
  {
    route: '/coordinator/imports',
    role: 'coordinator',
    page: 'imports',
    path: () => '/coordinator/imports',
    ready: ({ page, words }) => page.getByRole('button', { name: words.imports.exports.feedback }).waitFor(),
  },
  {
    route: '/coordinator/residents',
    role: 'coordinator',
    page: 'residents',
    path: () => '/coordinator/residents',
    ready: ({ page }) => page.getByRole('article', { name: new RegExp(PENDING) }).waitFor(),
  },
  {
    route: '/office',
    role: 'admin',
    page: 'office',
    path: () => '/office',
    ready: ({ page, words }) =>
      page.getByRole('heading', { name: words.office.byMonth, exact: true }).waitFor(),
  },
  {
    route: '/coordinator',
    role: 'admin',
    page: 'dashboard',
    path: () => '/coordinator',
    ready: ({ page }) => page.getByRole('article', { name: new RegExp(PENDING) }).waitFor(),
  },
  {
    route: '/coordinator/residents',
    role: 'admin',
    page: 'residents',
    path: () => '/coordinator/residents',
    ready: ({ page }) => page.getByRole('article', { name: new RegExp(PENDING) }).waitFor(),
  },
  {
    route: '/requests',
    role: 'admin',
    page: 'requests',
    path: () => '/requests',
    ready: ({ page }) => page.getByRole('link', { name: DONE }).waitFor(),
  },
];

/** The route paths web/src/main.tsx declares, written as in {@link PageScan.route}. */
async function declaredRoutes(): Promise<string[]> {
  const source = await readFile(new URL('../web/src/main.tsx', import.meta.url), 'utf8');
  const paths = [...source.matchAll(/\bpath:\s*'([^']+)'/g)].map(([, path]) => path);
  const index = /\bindex:\s*true\b/.test(source) ? ['/'] : [];
  return [...index, ...paths.map((path) => (path === '*' ? path : `/${path}`))];
}

describe('Every page of the web app, for each role, in both languages', () => {
  const suite = browserSuite();
  let seeded: Seed;

  beforeAll(async () => {
    seeded = await seed(suite.t);
  }, 90_000);

  /** The session a role's pages are seen with (none for anyone). */
  const sessionOf = (scan: PageScan): string | undefined => {
    if (scan.as) return scan.as(seeded);
    const { t } = suite;
    const sessions: Record<Role, () => string | undefined> = {
      anyone: () => undefined,
      resident: () => seeded.hanako.token,
      requester: () => t.sessionOf(schoolStaff),
      coordinator: () => t.sessionOf(coordinator),
      admin: () => t.sessionOf(cityOffice),
    };
    return sessions[scan.role]();
  };

  for (const scan of PAGES) {
    for (const language of ['ja', 'en'] as const) {
      const name = `every.${scan.role}.${scan.page}.${language}`;
      it(`has no accessibility violations: ${name} (${scan.route})`, async () => {
        const session = sessionOf(scan);
        const page = await suite.open(scan.path(seeded), { language, ...(session ? { session } : {}) });
        try {
          await scan.ready({ page, words: WORDS[language], seed: seeded });
          expect(await page.locator('html').getAttribute('lang')).toBe(language);
          // Names, charts and choices that load after the page's own content are scanned too.
          await page.waitForLoadState('networkidle');
          await suite.expectAccessible(page, name);
        } finally {
          await page.context().close();
        }
      });
    }
  }

  it('scans every route web/src/main.tsx declares', async () => {
    const routes = await declaredRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const scanned = new Set(PAGES.map((scan) => scan.route));
    expect(routes.filter((route) => !scanned.has(route))).toEqual([]);
    expect(new Set(PAGES.map((scan) => `${scan.role}.${scan.page}`)).size).toBe(PAGES.length);
  });
});
