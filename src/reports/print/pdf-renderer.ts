import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { chromium, type Browser } from 'playwright-core';
import { AppConfig } from '../../config/app-config.js';

/** Headless, and nothing that would reach out to the network on its own. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A page that takes longer than this to lay out or print is given up on (the caller gets an error). */
const RENDER_TIMEOUT_MS = 20_000;

/**
 * Prints self-contained HTML (inline CSS and SVG, nothing fetched) to an A4 PDF with headless Chromium.
 * One browser per process, started on the first PDF and closed when the app shuts down; each PDF gets a
 * fresh, isolated context without JavaScript or network. Chromium works in its own process, so rendering
 * never blocks the event loop; at most PDF_RENDERS_AT_ONCE pages print at once and the rest queue here.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly config: AppConfig) {}

  async render(html: string): Promise<Buffer> {
    await this.turn();
    try {
      const context = await (await this.launched()).newContext({ javaScriptEnabled: false });
      try {
        // The HTML carries residents' and schools' words: nothing in it may reach out to the network.
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        page.setDefaultTimeout(RENDER_TIMEOUT_MS);
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close();
      }
    } finally {
      this.release();
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    await (await browser?.catch(() => null))?.close();
  }

  /** Waits for a free slot; a finished render hands its slot straight to the next one waiting. */
  private async turn(): Promise<void> {
    if (this.running < this.config.PDF_RENDERS_AT_ONCE) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  /** The browser, started once; started again if it failed to start or crashed. */
  private launched(): Promise<Browser> {
    if (!this.browser) {
      const launching = chromium.launch({ executablePath: this.config.CHROMIUM_PATH, args: CHROMIUM_FLAGS });
      this.browser = launching;
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          }),
        () => {
          if (this.browser === launching) this.browser = null;
        },
      );
    }
    return this.browser;
  }
}
