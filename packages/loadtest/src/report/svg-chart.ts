/** One line of a chart. */
export interface Series {
  label: string;
  color: string;
  points: [number, number][];
}

/** Escapes text for HTML/SVG text and attribute values. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const W = 720;
const H = 280;
const PAD = { left: 64, right: 16, top: 16, bottom: 40 };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v) ?? v;
}

/**
 * A self-contained SVG line chart. `xTicks` are [value, label] pairs; y is linear from 0. Every label goes
 * through `esc`.
 */
export function lineChart(series: Series[], opts: { yLabel: string; xLabel: string; xTicks: [number, string][]; yFormat: (v: number) => string }): string {
  const all = series.flatMap((s) => s.points);
  const xs = all.map(([x]) => x);
  const xMin = Math.min(...xs, ...opts.xTicks.map(([x]) => x));
  const xMax = Math.max(...xs, ...opts.xTicks.map(([x]) => x), xMin + 1e-9);
  const yMax = niceMax(Math.max(0, ...all.map(([, y]) => y)));
  const sx = (x: number): number => PAD.left + ((x - xMin) / (xMax - xMin)) * (W - PAD.left - PAD.right);
  const sy = (y: number): number => H - PAD.bottom - (y / yMax) * (H - PAD.top - PAD.bottom);
  const parts: string[] = [`<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(opts.yLabel)}">`];
  for (let i = 0; i <= 4; i++) {
    const y = (yMax * i) / 4;
    parts.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" stroke="#e5e7eb"/>`,
      `<text x="${PAD.left - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end" font-size="11">${esc(opts.yFormat(y))}</text>`,
    );
  }
  for (const [x, label] of opts.xTicks) {
    parts.push(`<text x="${sx(x).toFixed(1)}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11">${esc(label)}</text>`);
  }
  parts.push(`<text x="${(W / 2).toFixed(0)}" y="${H - 6}" text-anchor="middle" font-size="12">${esc(opts.xLabel)}</text>`);
  series.forEach((s, i) => {
    if (s.points.length > 0) {
      const d = s.points.map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
      parts.push(`<path d="${d}" fill="none" stroke="${esc(s.color)}" stroke-width="2"/>`);
    }
    parts.push(
      `<rect x="${PAD.left + 8 + i * 150}" y="${PAD.top}" width="10" height="10" fill="${esc(s.color)}"/>`,
      `<text x="${PAD.left + 22 + i * 150}" y="${PAD.top + 9}" font-size="11">${esc(s.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
