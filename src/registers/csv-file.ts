import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { InvalidInputError } from '../common/errors/domain-error.js';

export const CSV_ENCODINGS = ['auto', 'utf-8', 'shift_jis'] as const;
/** How the uploaded file is written; `auto` looks at the bytes. */
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** One data row of a CSV file: its line in the file (the header is line 1) and its cells by header. */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  encoding: 'utf-8' | 'shift_jis';
  header: string[];
  rows: CsvRow[];
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Which encoding `bytes` are in: a BOM or valid UTF-8 says UTF-8; anything else is taken for Shift_JIS
 * as Excel writes it in Japan (CP932, which adds NEC and IBM characters such as ① and 髙).
 */
export function detectEncoding(bytes: Buffer): 'utf-8' | 'shift_jis' {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'shift_jis';
  }
}

/** The file's text; bytes that mean nothing in the encoding make it a 400, never a row of mojibake. */
export function decodeCsv(
  bytes: Buffer,
  chosen: CsvEncoding,
): { text: string; encoding: 'utf-8' | 'shift_jis' } {
  const encoding = chosen === 'auto' ? detectEncoding(bytes) : chosen;
  const text =
    encoding === 'utf-8'
      ? strictUtf8(bytes)
      : // iconv-lite writes U+FFFD for a byte sequence CP932 does not define.
        iconv.decode(bytes, 'cp932');
  if (text === undefined || text.includes('\uFFFD') || text.includes('\u0000')) {
    throw new InvalidInputError([{ field: 'file', code: 'import.undecodable', params: { encoding } }]);
  }
  return { text: text.replace(/^\uFEFF/, ''), encoding };
}

function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes and parses a CSV file whose first row names the columns; blank lines are skipped. */
export function readCsv(bytes: Buffer, chosen: CsvEncoding): CsvTable {
  const { text, encoding } = decodeCsv(bytes, chosen);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new InvalidInputError([
      { field: 'file', code: 'import.notCsv', params: { reason: (error as Error).message } },
    ]);
  }
  const [first, ...rest] = records;
  if (!first) throw new InvalidInputError([{ field: 'file', code: 'import.empty' }]);
  return {
    encoding,
    header: first.record.map((name) => name.trim()),
    rows: rest
      .filter(({ record }) => record.some((cell) => cell.trim() !== ''))
      .map(({ record, info }) => ({ line: info.lines - newlinesIn(record), cells: record })),
  };
}

/** csv-parse counts the line a record ends on; a quoted cell with line breaks starts it earlier. */
function newlinesIn(record: string[]): number {
  return record.reduce((count, cell) => count + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}
