import type { ScenarioResult, StepResult } from '../scenario/types.js';
import { formatNumber, formatUs } from './units.js';

function table(rows: string[][], textLast = false): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const left = (i: number, n: number): boolean => i === 0 || (textLast && i === n - 1);
  return rows.map((row) => row.map((cell, i) => (left(i, row.length) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
}

const counts = (record: Record<string, number>): string =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ×${formatNumber(n)}`)
    .join(', ') || '-';

const lat = (count: number, us: number): string => (count === 0 ? '-' : formatUs(us));

/** Rows of the per-step table (latency over responses; "-" where there was none). */
export function stepRows(steps: StepResult[], multiFlow: boolean): string[][] {
  return steps.map((s) => [
    multiFlow ? `${s.flow} / ${s.name}` : s.name,
    formatNumber(s.requests),
    formatNumber(s.failed),
    lat(s.latency.count, s.latency.p50),
    lat(s.latency.count, s.latency.p90),
    lat(s.latency.count, s.latency.p99),
    lat(s.latency.count, s.latency.max),
    `${counts(s.statusCodes)}${s.failed > 0 ? ` · failed: ${counts(s.failures)}` : ''}`,
  ]);
}

/**
 * The human report of a scenario run: settings, the per-step table (requests, failures, p50/p90/p99/max, status
 * codes and failures by class), the whole-flow table, throughput, checks and warnings. A run in which no step got
 * a response is one line.
 */
export function formatScenarioReport(r: ScenarioResult): string {
  const dead = r.checks.find((c) => (c.name === 'responses' || c.name === 'setup') && !c.passed);
  if (dead?.name === 'responses') return `${dead.message}\n`;
  const s = r.settings;
  const model = s.model === 'open' ? `open model · ${formatNumber(s.rate ?? 0)} flow starts/s asked · up to ${s.concurrency} flows in flight` : `closed model · ${s.concurrency} virtual users`;
  const length = s.requests !== undefined ? `${s.requests} flows` : `${s.duration} s`;
  const data = s.dataRows > 0 ? ` · ${s.dataRows} data rows (${s.dataMode})` : '';
  const lines = [`scenario${r.name ? ` ${r.name}` : ''}`, `${model} · ${length}${data}`];
  if (dead?.name === 'setup') return `${[...lines, '', `FAIL  setup: ${dead.message}`].join('\n')}\n`;
  const multi = r.flows.length > 1;
  lines.push('', ...table([['step', 'requests', 'failed', 'p50', 'p90', 'p99', 'max', 'status'], ...stepRows(r.steps, multi)], true));
  lines.push(
    '',
    ...table([
      ['flow (whole, think time included)', 'started', 'completed', 'failed', 'p50', 'p90', 'p99', 'max'],
      ...r.flows.map((f) => [f.name, formatNumber(f.started), formatNumber(f.completed), formatNumber(f.failed), lat(f.latency.count, f.latency.p50), lat(f.latency.count, f.latency.p90), lat(f.latency.count, f.latency.p99), lat(f.latency.count, f.latency.max)]),
    ]),
  );
  lines.push('', `throughput   ${formatNumber(r.throughput.requestsPerSec, 1)} responses/s · ${formatNumber(r.throughput.flowsPerSec, 1)} flows/s · ${formatNumber(r.responses)} responses in ${(r.durationMs / 1000).toFixed(1)} s`);
  if (r.rate) {
    lines.push(`rate         asked ${formatNumber(r.rate.asked)} flow starts/s · started ${formatNumber(r.rate.delivered, 1)}/s · start delay p50 ${formatUs(r.rate.startDelay.p50)} · p99 ${formatUs(r.rate.startDelay.p99)} (counted in step latency)`);
  }
  lines.push('', ...r.checks.map((c) => `${c.passed ? 'PASS' : 'FAIL'}  ${c.name}: ${c.message}`));
  if (r.warnings.length > 0) lines.push('', ...r.warnings.map((w) => `warning: ${w}`));
  return `${lines.join('\n')}\n`;
}
