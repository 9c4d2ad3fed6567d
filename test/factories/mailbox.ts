import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { TestApp } from '../setup/test-app.js';

/** Every message the app has written to its mail folder for `address`, oldest first. */
export async function mailTo(t: TestApp, address: string): Promise<ParsedMail[]> {
  const files = (await readdir(t.config.MAIL_DIR).catch(() => [] as string[])).sort();
  const messages = await Promise.all(
    files.map(async (file) => simpleParser(await readFile(join(t.config.MAIL_DIR, file)))),
  );
  return messages.filter((message) =>
    [message.to ?? []].flat().some((to) => to.value.some((box) => box.address === address)),
  );
}

/** The token in the link of the latest message to `address`. */
export async function tokenMailedTo(t: TestApp, address: string): Promise<string> {
  const latest = (await mailTo(t, address)).at(-1);
  const token = /[?&]token=([\w-]+)/.exec(latest?.text ?? '')?.[1];
  if (!token) throw new Error(`No link mailed to ${address}`);
  return token;
}
