import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Response } from 'superagent';

const run = promisify(execFile);

/** Supertest's parser for a binary body (a PDF), kept as the bytes it was. */
export function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

export interface PdfPage {
  /** The page as PNG at 60 dpi, to look at. */
  png: string;
  pngBytes: number;
  /** Share of the page's pixels that are not white (0–1). */
  inked: number;
}

/**
 * The PDF's pages as PNG files (`pdftoppm -png -r 60`), each with how much of it is printed on (read from
 * a greyscale rendering of the same page), and the PDF's text (`pdftotext`).
 */
export async function pdfPages(pdf: Buffer, name: string): Promise<{ pages: PdfPage[]; text: string }> {
  const dir = await mkdtemp(join(tmpdir(), `talent-bank-${name}-`));
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  await run('pdftoppm', ['-png', '-r', '60', file, join(dir, 'page')]);
  await run('pdftoppm', ['-gray', '-r', '60', file, join(dir, 'grey')]);
  const files = (await readdir(dir)).sort();
  const pngs = files.filter((f) => f.startsWith('page') && f.endsWith('.png'));
  const greys = files.filter((f) => f.startsWith('grey') && f.endsWith('.pgm'));
  const pages = await Promise.all(
    pngs.map(async (png, i) => ({
      png: join(dir, png),
      pngBytes: (await stat(join(dir, png))).size,
      inked: inkedShare(await readFile(join(dir, greys[i]))),
    })),
  );
  const { stdout } = await run('pdftotext', [file, '-']);
  return { pages, text: stdout };
}

/** Binary PGM (`P5 width height 255`, then one byte a pixel): the share of pixels darker than near-white. */
function inkedShare(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('Not a binary PGM');
  const pixels = pgm.subarray(header[0].length);
  let inked = 0;
  for (const value of pixels) if (value < 200) inked++;
  return inked / pixels.length;
}
