import { JAPAN_TIME_ZONE } from '../../common/japan-time.js';

/** Text safe to put in HTML: residents' and schools' words are printed as they wrote them, never as markup. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Markup already built from escaped text, so callers cannot pass raw text where markup goes by mistake. */
export interface Html {
  html: string;
}

export const html = (markup: string): Html => ({ html: markup });

/** A table; cells are text (escaped here) or markup. Numbers are aligned right. */
export function table(headers: string[], rows: (string | number | Html)[][], caption?: string): Html {
  const cell = (value: string | number | Html) =>
    typeof value === 'object'
      ? `<td>${value.html}</td>`
      : `<td${typeof value === 'number' ? ' class="num"' : ''}>${escapeHtml(value)}</td>`;
  return html(`<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}
  <thead><tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead>
  <tbody>${rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('\n')}</tbody></table>`);
}

/** An A4 page of the city office's documents: Japanese fonts, tables that do not split a row. */
export function printPage(title: string, body: Html[]): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; font-size: 10pt; color: #000; line-height: 1.5; }
  h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
  h2 { font-size: 12pt; border-bottom: 1px solid #333; margin: 6mm 0 2mm; break-after: avoid; }
  p { margin: 1mm 0; }
  table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
  caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
  th, td { border: 1px solid #555; padding: 1mm 2mm; vertical-align: top; }
  th { background: #eee; font-weight: bold; }
  tr { break-inside: avoid; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .right { text-align: right; }
  .center { text-align: center; }
  .charts { display: flex; flex-wrap: wrap; gap: 4mm; }
  figure { margin: 0; break-inside: avoid; }
  figcaption { font-weight: bold; }
  .note { font-size: 8.5pt; color: #333; }
</style></head>
<body>
${body.map((part) => part.html).join('\n')}
</body></html>`;
}

const WESTERN = new Intl.DateTimeFormat('ja-JP', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: JAPAN_TIME_ZONE,
});
const JAPANESE_ERA = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: JAPAN_TIME_ZONE,
});

/** A day as a city office writes it: `令和8年5月1日（2026年5月1日）`. */
export function officialDate(day: Date | string): string {
  const instant = typeof day === 'string' ? new Date(`${day}T00:00:00+09:00`) : day;
  return `${JAPANESE_ERA.format(instant)}（${WESTERN.format(instant)}）`;
}

/**
 * The fiscal year as the city names it, by the era of its April: `令和8年度`. The year Reiwa began
 * (April 2019 was still Heisei 31) is by custom 令和元年度.
 */
export function fiscalYearName(year: number): string {
  if (year >= 2019) return year === 2019 ? '令和元年度' : `令和${year - 2018}年度`;
  return `平成${year - 1988}年度`;
}
