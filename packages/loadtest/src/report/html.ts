import type { BaselineComparison } from '../baseline/compare-to-baseline.js';
import type { EndpointComparison } from '../compare/compare-endpoints.js';
import { decodeHistogram } from '../stats/histogram.js';
import type { LoadTestResult } from '../result/types.js';
import { formatComparison, formatReport } from './format-report.js';
import { esc, lineChart, type Series } from './svg-chart.js';
import { formatUs } from './units.js';

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea'];
const PERCENTILES = [0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 97, 98, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100];
const nines = (p: number): number => (p >= 100 ? 5 : Math.min(5, -Math.log10(1 - p / 100)));

function distribution(results: [string, LoadTestResult][]): string {
  const series: Series[] = results.map(([label, r], i) => {
    const h = decodeHistogram(r.histogram);
    return {
      label,
      color: COLORS[i % COLORS.length]!,
      points: h.totalCount === 0 ? [] : PERCENTILES.map((p): [number, number] => [nines(p), h.getValueAtPercentile(p) / 1000]),
    };
  });
  return lineChart(series, {
    yLabel: 'latency (ms) by percentile',
    xLabel: 'percentile',
    xTicks: [[0, '0%'], [1, '90%'], [2, '99%'], [3, '99.9%'], [4, '99.99%'], [5, '100%']],
    yFormat: (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms`,
  });
}

function overTime(results: [string, LoadTestResult][]): string {
  const series: Series[] = [];
  results.forEach(([label, r], i) => {
    const prefix = results.length > 1 ? `${label} ` : '';
    const points = r.timeline.filter((p) => p.responses > 0);
    series.push({ label: `${prefix}p50`, color: COLORS[(i * 2) % COLORS.length]!, points: points.map((p) => [p.t, p.p50 / 1000]) });
    series.push({ label: `${prefix}p99`, color: COLORS[(i * 2 + 1) % COLORS.length]!, points: points.map((p) => [p.t, p.p99 / 1000]) });
  });
  const end = Math.max(1, ...results.flatMap(([, r]) => r.timeline.map((p) => p.t)));
  const ticks: [number, string][] = [0, 0.25, 0.5, 0.75, 1].map((f) => [end * f, `${(end * f).toFixed(1)} s`]);
  return lineChart(series, { yLabel: 'latency over time (ms)', xLabel: 'time since start', xTicks: ticks, yFormat: (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms` });
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.3rem}h2{font-size:1.05rem;margin-top:2rem}pre{background:#f6f8fa;padding:1rem;overflow:auto;font-size:12px}
.fail{color:#b91c1c;font-weight:600}.pass{color:#15803d;font-weight:600}figure{margin:0}`;

/**
 * One self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched): latency over time, the
 * percentile distribution, and the text report. Every value from the input is escaped.
 */
export function renderHtmlReport(input: LoadTestResult | EndpointComparison, extra: { baseline?: BaselineComparison } = {}): string {
  const comparison = 'a' in input && 'b' in input ? input : undefined;
  const results: [string, LoadTestResult][] = comparison ? [['A', comparison.a], ['B', comparison.b]] : [['run', input as LoadTestResult]];
  const single = comparison ? undefined : (input as LoadTestResult);
  const text = comparison ? formatComparison(comparison) : formatReport(single!, extra);
  const checks = comparison ? [...comparison.a.checks, ...comparison.b.checks] : [...single!.checks, ...(extra.baseline ? [extra.baseline.check] : [])];
  const title = comparison ? `sb load: ${comparison.a.url} vs ${comparison.b.url}` : `sb load: ${single!.method} ${single!.url}`;
  const headline = results.map(([label, r]) => `<li>${esc(label)}: ${esc(r.url)}: p50 ${esc(formatUs(r.latency.p50))}, p99 ${esc(formatUs(r.latency.p99))}, ${esc(r.throughput.requestsPerSec)} req/s</li>`);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<style>${STYLE}</style></head><body>`,
    `<h1>${esc(title)}</h1>`,
    `<p>${esc(results[0]![1].startedAt)}</p>`,
    `<ul>${headline.join('')}</ul>`,
    ...(comparison ? [`<ul>${comparison.verdict.map((v) => `<li>${esc(v)}</li>`).join('')}</ul>`] : []),
    ...checks.map((c) => `<p class="${c.passed ? 'pass' : 'fail'}">${c.passed ? 'PASS' : 'FAIL'} ${esc(c.name)}: ${esc(c.message)}</p>`),
    '<h2>Latency over time</h2>',
    `<figure>${overTime(results)}</figure>`,
    '<h2>Latency by percentile</h2>',
    `<figure>${distribution(results)}</figure>`,
    '<h2>Report</h2>',
    `<pre>${esc(text)}</pre>`,
    '</body></html>',
    '',
  ].join('\n');
}
