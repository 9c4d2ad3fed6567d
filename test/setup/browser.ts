/// <reference lib="dom" />
// The init script given to the browser context runs in the page.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { CHROMIUM_FLAGS } from '../../src/reports/print/pdf-renderer.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Debian's Chromium, headless, with nothing that would reach out to the network on its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

/** The test app on a real port, so a browser can load the web app and its API from one origin. */
export async function serveOverHttp(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  return (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * A fresh page at `url` (signed in when given a session token), in a browser that asks for reduced motion, so dialogs are
 * scanned and photographed as they settle rather than halfway through fading in.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: { language?: 'ja' | 'en'; viewport?: typeof PHONE; session?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: 'ja-JP',
    reducedMotion: 'reduce',
  });
  if (options.language === 'en') {
    await context.addInitScript(() => localStorage.setItem('talent-bank.language', 'en'));
  }
  if (options.session) {
    await context.addInitScript(
      (token) => localStorage.setItem('talent-bank.session', token),
      options.session,
    );
  }
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const SCREENSHOTS = join(process.cwd(), 'test', 'screenshots');

/** A full-page screenshot under test/screenshots/, named after the page and its language. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Accessibility problems axe-core finds against WCAG 2.x A and AA (JIS X 8341-3:2016 AA), in words. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}

/** The app on a real port and a browser, for one describe block of browser journeys. */
export interface BrowserSuite {
  t: TestApp;
  browser: Browser;
  /** A fresh page at a path of the app (see {@link openPage}). */
  open: (path: string, options?: Parameters<typeof openPage>[2]) => Promise<Page>;
  /** No axe-core violations on the page as it is now; it is photographed under `name` as well. */
  expectAccessible: (page: Page, name: string) => Promise<void>;
}

/** Sets up a {@link BrowserSuite} around a describe block; when done, says which pages axe scanned. */
export function browserSuite(appOptions: Parameters<typeof startTestApp>[0] = {}): BrowserSuite {
  const scanned: string[] = [];
  let base = '';
  const suite: BrowserSuite = {
    t: undefined as unknown as TestApp,
    browser: undefined as unknown as Browser,
    open: (path, options) => openPage(suite.browser, `${base}${path}`, options),
    async expectAccessible(page, name) {
      expect(await accessibilityViolations(page)).toEqual([]);
      scanned.push(name);
      await screenshot(page, name);
    },
  };
  beforeAll(async () => {
    suite.t = await startTestApp(appOptions);
    base = await serveOverHttp(suite.t);
    suite.browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.t?.close();
    console.info(`axe-core scanned, with no violations: ${scanned.join(', ')}`);
  });
  return suite;
}
