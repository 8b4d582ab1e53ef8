import type { BaselineComparison } from '../baseline/compare-to-baseline.js';
import type { EndpointComparison } from '../compare/compare-endpoints.js';
import type { MetricComparison } from '../compare/metric.js';
import type { LoadTestResult } from '../result/types.js';
import type { LatencySummary } from '../stats/types.js';
import { errorsInWords } from '../result/checks.js';
import { connectLine } from './connect-line.js';
import { recommendations } from './recommendations.js';
import { formatBytes, formatChange, formatNumber, formatUs } from './units.js';

const COLUMNS: [keyof LatencySummary, string][] = [
  ['min', 'min'], ['mean', 'mean'], ['stdev', 'stdev'], ['p50', 'p50'], ['p90', 'p90'],
  ['p95', 'p95'], ['p99', 'p99'], ['p999', 'p99.9'], ['max', 'max'],
];

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
}

function settingsLine(r: LoadTestResult): string {
  const s = r.settings;
  const length = s.requests !== undefined ? `${s.requests} requests` : `${s.duration} s`;
  const extra = [s.pipelining > 1 ? `pipelining ${s.pipelining}` : '', s.workers > 1 ? `${s.workers} workers` : '', s.warmup > 0 ? `${s.warmup} s warmup` : '']
    .filter(Boolean)
    .join(' · ');
  const model = s.model === 'open' ? `open model · ${formatNumber(s.rate ?? 0)} req/s asked · up to ${s.concurrency} connections` : `closed model · ${s.concurrency} connections`;
  return `${model} · ${length}${extra ? ` · ${extra}` : ''}`;
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record).filter(([, n]) => n > 0);
  return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${k} ×${formatNumber(n)}`).join('  ');
}

function metricRows(metrics: MetricComparison[], before: string, after: string): string[] {
  const show = (m: MetricComparison, v: number): string => (m.metric === 'requestsPerSec' ? `${formatNumber(v, 1)} req/s` : formatUs(v));
  return table([
    ['', before, after, 'change', 'p-value', ''],
    ...metrics.map((m) => [m.metric === 'requestsPerSec' ? 'throughput' : m.metric, show(m, m.before), show(m, m.after), formatChange(m.change), String(m.p), m.significant ? 'significant' : '']),
  ]);
}

/** The body of a report: latency table, throughput, statuses, errors, rate, rate limit. */
function body(r: LoadTestResult): string[] {
  const dead = noResponse(r);
  if (dead !== undefined) return [dead];
  const lines = table([['latency', ...COLUMNS.map(([, label]) => label)], ['', ...COLUMNS.map(([key]) => formatUs(r.latency[key]))]]);
  lines.push(
    '',
    `throughput   ${formatNumber(r.throughput.requestsPerSec, 1)} responses/s · ${formatBytes(r.throughput.bytesPerSec)}/s · ${formatNumber(r.responses)} responses in ${(r.durationMs / 1000).toFixed(1)} s`,
    `status       ${counts(r.statusCodes)}`,
    `errors       ${r.errorCount === 0 ? 'none' : `${counts(errorsInWords(r.errors))} (${formatNumber(r.throughput.errorsPerSec, 1)}/s, not in the figures above)`}`,
  );
  for (const [kind, message] of Object.entries(r.errorSamples)) lines.push(`             ${kind}: ${message}`);
  lines.push(...connectLine(r));
  if (r.rate) {
    const lag = r.rate.generatorLag;
    lines.push(
      `rate         asked ${formatNumber(r.rate.asked)} req/s · sent ${formatNumber(r.rate.delivered, 1)} req/s (${(r.rate.ratio * 100).toFixed(1)}%)` +
        `${r.rate.unsent > 0 ? ` · ${formatNumber(r.rate.unsent)} never sent` : ''}`,
      `generator    scheduling lag p50 ${formatUs(lag.p50)} · p99 ${formatUs(lag.p99)} · max ${formatUs(lag.max)} (the generator's own lateness, not the server's)`,
      `send delay   p50 ${formatUs(r.rate.sendDelay.p50)} · p99 ${formatUs(r.rate.sendDelay.p99)} (intended → sent: lag plus waiting for a connection; counted in latency)`,
    );
  }
  if (r.rateLimit.limited) {
    const rl = r.rateLimit;
    const headers = Object.entries(rl.headers).map(([k, v]) => `${k}: ${v}`).join(', ');
    lines.push(
      `rate limit   first 429 after ${formatNumber(rl.firstAfterRequests ?? 0)} requests (${((rl.firstAfterMs ?? 0) / 1000).toFixed(2)} s${rl.rateAtFirst ? `, ~${formatNumber(rl.rateAtFirst)} req/s` : ''}) · ${formatNumber(rl.count)} × 429`,
      `             ${headers ? `headers: ${headers}` : 'no Retry-After or RateLimit-* headers'}`,
    );
  }
  return lines;
}

/** The one-line verdict of a run in which no request got a response (no figures: there are none). */
function noResponse(r: LoadTestResult): string | undefined {
  const check = r.checks.find((c) => c.name === 'responses' && !c.passed);
  return check === undefined ? undefined : `${check.message}${r.aborted ? ' (aborted)' : ''}`;
}

/**
 * The human report of one run: latency table, throughput, status codes, errors by class, rate delivered,
 * rate limit, checks, scaling recommendations and warnings. Plain text, no colours.
 *
 * @example
 * ```ts
 * process.stdout.write(formatReport(await runLoadTest({ url, rate: 500, duration: 10 })));
 * ```
 */
export function formatReport(r: LoadTestResult, extra: { baseline?: BaselineComparison } = {}): string {
  const dead = noResponse(r);
  if (dead !== undefined) return `${dead}\n`;
  const lines = [`${r.method} ${r.url}`, settingsLine(r), '', ...body(r)];
  if (extra.baseline) lines.push('', 'vs baseline', ...metricRows(extra.baseline.metrics, 'baseline', 'now').map((l) => `  ${l}`));
  const checks = [...r.checks, ...(extra.baseline ? [extra.baseline.check] : [])];
  if (checks.length > 0) lines.push('', ...checks.map((c) => `${c.passed ? 'PASS' : 'FAIL'}  ${c.name}: ${c.message}`));
  lines.push('', 'scaling', ...recommendations(r).map((l) => `  - ${l}`));
  if (r.warnings.length > 0) lines.push('', ...r.warnings.map((w) => `warning: ${w}`));
  return `${lines.join('\n')}\n`;
}

/** The human report of a two-URL comparison. */
export function formatComparison(c: EndpointComparison): string {
  const lines = [
    `compare  ${c.a.method} ${c.a.url}`,
    `   with  ${c.b.method} ${c.b.url}`,
    `${settingsLine(c.a)} · alternating ${c.slices}×2 slices of ${c.sliceSeconds} s`,
    '',
    `A  ${c.a.url}`,
    ...body(c.a).map((l) => `   ${l}`),
    '',
    `B  ${c.b.url}`,
    ...body(c.b).map((l) => `   ${l}`),
    '',
    'B vs A (Wilcoxon signed-rank on paired slices)',
    ...metricRows(c.metrics, 'A', 'B').map((l) => `  ${l}`),
    '',
    ...c.verdict,
  ];
  const checks = [...c.a.checks.map((k) => ({ ...k, who: 'A' })), ...c.b.checks.map((k) => ({ ...k, who: 'B' }))];
  if (checks.length > 0) lines.push('', ...checks.map((k) => `${k.passed ? 'PASS' : 'FAIL'}  ${k.who} ${k.name}: ${k.message}`));
  const warnings = [...new Set([...c.a.warnings, ...c.b.warnings])];
  if (warnings.length > 0) lines.push('', ...warnings.map((w) => `warning: ${w}`));
  return `${lines.join('\n')}\n`;
}
