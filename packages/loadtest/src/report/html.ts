import type { BaselineComparison } from '../baseline/compare-to-baseline.js';
import type { EndpointComparison } from '../compare/compare-endpoints.js';
import { decodeHistogram } from '../stats/histogram.js';
import type { LoadTestResult } from '../result/types.js';
import type { ScenarioResult } from '../scenario/types.js';
import type { TimelinePoint } from '../stats/types.js';
import { formatComparison, formatReport } from './format-report.js';
import { formatScenarioReport, stepRows } from './format-scenario.js';
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

function timeTicks(timelines: TimelinePoint[][]): [number, string][] {
  const end = Math.max(1, ...timelines.flatMap((t) => t.map((p) => p.t)));
  return [0, 0.25, 0.5, 0.75, 1].map((f) => [end * f, `${(end * f).toFixed(1)} s`]);
}

/** Per-sample rate of a count: the sample's width is the distance to the previous point. */
function perSecond(timeline: TimelinePoint[], pick: (p: TimelinePoint) => number): [number, number][] {
  return timeline.map((p, i) => {
    const width = p.t - (i === 0 ? 0 : timeline[i - 1]!.t);
    return [p.t, width > 0 ? pick(p) / width : 0];
  });
}

/** Throughput (responses/s) and transport errors/s over time, next to latency. */
function throughputOverTime(timelines: [string, TimelinePoint[]][]): string {
  const series: Series[] = timelines.flatMap(([label, t], i) => {
    const prefix = timelines.length > 1 ? `${label} ` : '';
    return [
      { label: `${prefix}responses/s`, color: COLORS[(i * 2) % COLORS.length]!, points: t.map((p): [number, number] => [p.t, p.requestsPerSec]) },
      { label: `${prefix}errors/s`, color: COLORS[(i * 2 + 1) % COLORS.length]!, points: perSecond(t, (p) => p.errors) },
    ];
  });
  return lineChart(series, { yLabel: 'throughput and errors over time (per s)', xLabel: 'time since start', xTicks: timeTicks(timelines.map(([, t]) => t)), yFormat: (v) => v.toFixed(0) });
}

/** Requests (or flows) in flight at the end of each sample. */
function inFlightOverTime(timelines: [string, TimelinePoint[]][], what: string): string {
  const series: Series[] = timelines.map(([label, t], i) => ({ label: `${timelines.length > 1 ? `${label} ` : ''}${what} in flight`, color: COLORS[i % COLORS.length]!, points: t.map((p): [number, number] => [p.t, p.inFlight]) }));
  return lineChart(series, { yLabel: `${what} in flight over time`, xLabel: 'time since start', xTicks: timeTicks(timelines.map(([, t]) => t)), yFormat: (v) => v.toFixed(0) });
}

function htmlTable(rows: string[][]): string {
  const [head, ...body] = rows;
  return `<table><thead><tr>${head!.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${body.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** One line per part of a run (per-shard lines of a merged run; `extra.parts`). */
function partsTable(parts: { label: string; result: LoadTestResult }[]): string {
  return htmlTable([
    ['part', 'responses', 'responses/s', 'errors', 'p50', 'p99', 'max'],
    ...parts.map(({ label, result: r }) => [label, String(r.responses), String(r.throughput.requestsPerSec), String(r.errorCount), formatUs(r.latency.p50), formatUs(r.latency.p99), formatUs(r.latency.max)]),
  ]);
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
.fail{color:#b91c1c;font-weight:600}.pass{color:#15803d;font-weight:600}figure{margin:0}
table{border-collapse:collapse;font-size:12px}th,td{padding:.2rem .6rem;border-bottom:1px solid #e5e7eb;text-align:right}th:first-child,td:first-child,td:last-child{text-align:left}`;

/** Extras of an HTML report. */
export interface HtmlReportExtra {
  baseline?: BaselineComparison;
  /** One line per part (e.g. per shard of a merged run), after the headline. */
  parts?: { label: string; result: LoadTestResult }[];
}

function page(title: string, startedAt: string, body: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<style>${STYLE}</style></head><body>`,
    `<h1>${esc(title)}</h1>`,
    `<p>${esc(startedAt)}</p>`,
    ...body,
    '</body></html>',
    '',
  ].join('\n');
}

const checkLines = (checks: { passed: boolean; name: string; message: string }[]): string[] =>
  checks.map((c) => `<p class="${c.passed ? 'pass' : 'fail'}">${c.passed ? 'PASS' : 'FAIL'} ${esc(c.name)}: ${esc(c.message)}</p>`);

function scenarioPage(r: ScenarioResult): string {
  const title = `sb load: scenario${r.name ? ` ${r.name}` : ''}`;
  const timeline = r.timeline.filter((p) => p.responses > 0);
  return page(title, r.startedAt, [
    ...checkLines(r.checks),
    '<h2>Steps</h2>',
    htmlTable([['step', 'requests', 'failed', 'p50', 'p90', 'p99', 'max', 'status'], ...stepRows(r.steps, r.flows.length > 1)]),
    '<h2>Flows (whole flow, think time included)</h2>',
    htmlTable([
      ['flow', 'started', 'completed', 'failed', 'p50', 'p99'],
      ...r.flows.map((f) => [f.name, String(f.started), String(f.completed), String(f.failed), formatUs(f.latency.p50), formatUs(f.latency.p99)]),
    ]),
    '<h2>Latency over time (all steps)</h2>',
    `<figure>${lineChart(
      [
        { label: 'p50', color: COLORS[0]!, points: timeline.map((p): [number, number] => [p.t, p.p50 / 1000]) },
        { label: 'p99', color: COLORS[1]!, points: timeline.map((p): [number, number] => [p.t, p.p99 / 1000]) },
      ],
      { yLabel: 'latency over time (ms)', xLabel: 'time since start', xTicks: timeTicks([r.timeline]), yFormat: (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms` },
    )}</figure>`,
    '<h2>Throughput and errors over time</h2>',
    `<figure>${throughputOverTime([['run', r.timeline]])}</figure>`,
    '<h2>In flight over time</h2>',
    `<figure>${inFlightOverTime([['run', r.timeline]], 'flows')}</figure>`,
    '<h2>Report</h2>',
    `<pre>${esc(formatScenarioReport(r))}</pre>`,
  ]);
}

/**
 * One self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched): latency, throughput and errors,
 * and requests in flight over time; the percentile distribution; per-step tables for scenarios; per-part lines
 * (`extra.parts`, e.g. shards); the text report. Every value from the input is escaped.
 */
export function renderHtmlReport(input: LoadTestResult | EndpointComparison | ScenarioResult, extra: HtmlReportExtra = {}): string {
  if ('steps' in input && 'flows' in input) return scenarioPage(input);
  const comparison = 'a' in input && 'b' in input ? input : undefined;
  const results: [string, LoadTestResult][] = comparison ? [['A', comparison.a], ['B', comparison.b]] : [['run', input as LoadTestResult]];
  const single = comparison ? undefined : (input as LoadTestResult);
  const text = comparison ? formatComparison(comparison) : formatReport(single!, extra.baseline ? { baseline: extra.baseline } : {});
  const checks = comparison ? [...comparison.a.checks, ...comparison.b.checks] : [...single!.checks, ...(extra.baseline ? [extra.baseline.check] : [])];
  const title = comparison ? `sb load: ${comparison.a.url} vs ${comparison.b.url}` : `sb load: ${single!.method} ${single!.url}`;
  const headline = results.map(([label, r]) =>
    r.responses === 0
      ? `<li>${esc(label)}: ${esc(r.url)}: no response</li>`
      : `<li>${esc(label)}: ${esc(r.url)}: p50 ${esc(formatUs(r.latency.p50))}, p99 ${esc(formatUs(r.latency.p99))}, ${esc(r.throughput.requestsPerSec)} responses/s, ${esc(r.errorCount)} errors</li>`,
  );
  const timelines: [string, TimelinePoint[]][] = results.map(([label, r]) => [label, r.timeline]);
  return page(title, results[0]![1].startedAt, [
    `<ul>${headline.join('')}</ul>`,
    ...(extra.parts && extra.parts.length > 0 ? ['<h2>Parts</h2>', partsTable(extra.parts)] : []),
    ...(comparison ? [`<ul>${comparison.verdict.map((v) => `<li>${esc(v)}</li>`).join('')}</ul>`] : []),
    ...checkLines(checks),
    '<h2>Latency over time</h2>',
    `<figure>${overTime(results)}</figure>`,
    '<h2>Throughput and errors over time</h2>',
    `<figure>${throughputOverTime(timelines)}</figure>`,
    '<h2>In flight over time</h2>',
    `<figure>${inFlightOverTime(timelines, 'requests')}</figure>`,
    '<h2>Latency by percentile</h2>',
    `<figure>${distribution(results)}</figure>`,
    '<h2>Report</h2>',
    `<pre>${esc(text)}</pre>`,
  ]);
}
