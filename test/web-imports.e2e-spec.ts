import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { cityOffice } from './factories/personas.js';
import { browserSuite, screenshot } from './setup/browser.js';

/** Two residents typed into Excel and saved as CSV (Shift_JIS), one row with a district that does not exist. */
const REGISTER = [
  '氏名,ふりがな,電話番号,メールアドレス,地区,分野',
  '山田　花子,ﾔﾏﾀﾞ ﾊﾅｺ,０２４６－２２－１１１１,hanako.web@example.jp,平,書道',
  '佐藤 次郎,さとう じろう,0246-33-4444,jiro.web@example.jp,火星,書道',
].join('\r\n');

describe('A city office imports its register and downloads a list, in the browser', () => {
  const suite = browserSuite();

  it('checks the file row by row, imports it, and saves the residents list for Excel', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'talent-bank-register-'));
    const csv = join(folder, '人材バンク名簿.csv');
    await writeFile(csv, iconv.encode(REGISTER, 'Shift_JIS'));
    const page = await suite.open('/coordinator/imports', { session: suite.t.sessionOf(cityOffice) });
    try {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByLabel('CSV ファイル').click(),
      ]);
      await chooser.setFiles(csv);
      await page.getByRole('button', { name: '確認する（まだ取り込みません）' }).click();

      const results = page.getByRole('table', { name: /行ごとの結果/ });
      await results.getByRole('row', { name: /3 取り込めない行 .*地区/ }).waitFor();
      await results.getByRole('row', { name: /2 新規/ }).waitFor();
      await screenshot(page, 'imports.preview.ja');
      const [created] = await suite.t.dataSource.query(
        `SELECT count(*)::int AS n FROM volunteers WHERE email = 'hanako.web@example.jp'`,
      );
      expect(created.n).toBe(0);

      await page.getByRole('button', { name: 'この内容で取り込む' }).click();
      await page.getByRole('heading', { name: '取り込みました' }).waitFor();
      const [imported] = await suite.t.dataSource.query(
        `SELECT name, status FROM volunteers WHERE email = 'hanako.web@example.jp'`,
      );
      expect(imported).toEqual({ name: '山田 花子', status: 'pending_review' });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '登録者', exact: true }).click(),
      ]);
      const saved = await readFile(await download.path());
      expect(saved.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(saved.toString('utf8')).toContain('山田 花子');
    } finally {
      await page.context().close();
    }
  });
});
