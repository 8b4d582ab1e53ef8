import type { LoadTestResult } from '../result/types.js';
import { formatNumber, formatUs } from './units.js';

function third(values: number[], which: 0 | 2): number {
  const n = Math.floor(values.length / 3);
  const part = which === 0 ? values.slice(0, n) : values.slice(values.length - n);
  const sorted = [...part].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function closedModel(r: LoadTestResult, out: string[]): void {
  const inFlight = r.settings.concurrency * r.settings.pipelining;
  const meanS = r.latency.mean / 1e6;
  const expected = meanS > 0 ? inFlight / meanS : 0;
  const x = r.throughput.requestsPerSec;
  out.push(
    `Little's law: ${inFlight} in flight / ${formatUs(r.latency.mean)} mean latency = ${formatNumber(expected)} req/s expected; measured ${formatNumber(x)} req/s.`,
  );
  if (expected > 0 && x < expected * 0.8) {
    out.push(
      r.generator.saturated
        ? `The connections were idle part of the time and the generator used ${r.generator.cpuCores} cores: the generator saturated, not the server. Re-run with --workers ${Math.max(2, r.settings.workers * 2)}.`
        : 'The connections were idle part of the time (errors, reconnects or the generator): the numbers understate the server.',
    );
    return;
  }
  const floor = r.latency.min;
  if (floor > 0 && r.latency.p50 > 3 * floor) {
    const knee = Math.round((x * floor) / 1e6);
    const next = knee >= 2 ? knee : Math.max(1, Math.round(inFlight / 2));
    out.push(
      `p50 ${formatUs(r.latency.p50)} is ${(r.latency.p50 / floor).toFixed(1)}× the fastest response (${formatUs(floor)}): requests queue in the server, which saturated at about ${formatNumber(x)} req/s. ` +
        `Beyond ~${Math.max(1, knee)} connections (throughput × fastest latency) more concurrency only adds latency; try --concurrency ${next} and compare.`,
    );
  } else {
    out.push(
      `p50 is close to the fastest response (${formatUs(floor)}): little queueing, the server has headroom at ${inFlight} connections. Raise --concurrency (e.g. ${inFlight * 2}) until throughput stops growing and latency bends.`,
    );
  }
}

function openModel(r: LoadTestResult, out: string[]): void {
  const rate = r.rate;
  if (!rate) return;
  const inSystem = (rate.delivered * r.latency.mean) / 1e6;
  out.push(
    `Little's law: ${formatNumber(rate.delivered, 1)} req/s × ${formatUs(r.latency.mean)} mean latency ≈ ${formatNumber(inSystem, 1)} requests in the system on average (max ${r.maxInFlight} in flight, ${r.connections} connections).`,
  );
  const timedOut = r.errors.timeout / Math.max(1, r.requests);
  if (r.responses < r.sent * 0.95 || timedOut > 0.01) {
    out.push(`Only ${formatNumber(r.responses)} of ${formatNumber(r.sent)} requests sent got a response (${formatNumber(r.errors.timeout)} timed out): the server cannot sustain ${formatNumber(rate.asked)} req/s. Lower --rate until it keeps up; that is its capacity.`);
  } else if (r.latency.min > 0 && r.latency.p99 > 10 * r.latency.p50) {
    out.push(`p99 ${formatUs(r.latency.p99)} is ${(r.latency.p99 / Math.max(1, r.latency.p50)).toFixed(0)}× p50: the server stalls now and then (GC, locks, a blocked event loop); the median hides it.`);
  } else {
    out.push(`The server kept up with ${formatNumber(rate.asked)} req/s. Try a higher --rate to find where latency bends (open model), or run closed (no --rate) to find its peak throughput.`);
  }
}

/**
 * Scaling advice grounded in the numbers: Little's law to tell whether the server or the generator set the
 * pace, queueing (p50 vs the fastest response) to tell whether the server saturated, and latency drift.
 */
export function recommendations(r: LoadTestResult): string[] {
  const out: string[] = [];
  if (r.responses === 0) return ['No response arrived: check the URL and that the server is up.'];
  if (r.model === 'closed') closedModel(r, out);
  else openModel(r, out);
  const p50s = r.timeline.filter((p) => p.responses > 0).map((p) => p.p50);
  if (p50s.length >= 6) {
    const [early, late] = [third(p50s, 0), third(p50s, 2)];
    if (early > 0 && late > 1.5 * early) {
      out.push(`Latency grew during the run (p50 ${formatUs(early)} → ${formatUs(late)}): work piles up (queue, memory, GC); this load is above what the server sustains.`);
    }
  }
  const rejected = Object.entries(r.statusCodes).filter(([code]) => Number(code) >= 400).reduce((sum, [, n]) => sum + n, 0);
  if (r.responses > 0 && rejected / r.responses > 0.2) {
    out.push(`${((rejected / r.responses) * 100).toFixed(0)}% of responses were 4xx/5xx: the latency mixes (often fast) rejections with real work; read it per status before drawing conclusions.`);
  }
  const errorRate = r.requests > 0 ? r.errorCount / r.requests : 0;
  if (errorRate > 0.01) out.push(`${(errorRate * 100).toFixed(1)}% of requests failed: past this load the server (or its connection limits) gives out.`);
  return out;
}
