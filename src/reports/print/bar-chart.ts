import { escapeHtml, html, type Html } from './print-page.js';

export interface Bar {
  label: string;
  value: number;
}

const ROW = 18;
const LABEL_WIDTH = 120;
const VALUE_WIDTH = 50;

/**
 * A horizontal bar chart as inline SVG: one bar per label, its value printed beside it, so the figures
 * read the same on paper in black and white. Labels are Japanese names of any length, hence horizontal.
 */
export function barChart(title: string, bars: Bar[], width = 320): Html {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const plot = width - LABEL_WIDTH - VALUE_WIDTH;
  const height = Math.max(1, bars.length) * ROW + 4;
  const rows = bars.map((bar, i) => {
    const y = i * ROW + 2;
    const length = Math.round((bar.value / max) * plot * 10) / 10;
    return `<text x="${LABEL_WIDTH - 4}" y="${y + 13}" text-anchor="end">${escapeHtml(truncate(bar.label))}</text>
<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${length}" height="${ROW - 5}" fill="#2f5d8a"/>
<text x="${LABEL_WIDTH + length + 3}" y="${y + 13}">${escapeHtml(bar.value.toLocaleString('ja-JP'))}</text>`;
  });
  return html(`<figure><figcaption>${escapeHtml(title)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" font-size="10" font-family="Noto Sans CJK JP, sans-serif">
<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke="#333"/>
${rows.join('\n')}
</svg></figure>`);
}

function truncate(label: string): string {
  return label.length > 11 ? `${label.slice(0, 10)}…` : label;
}
