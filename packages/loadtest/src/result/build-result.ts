import type { ResolvedOptions } from '../options/types.js';
import type { RunData } from '../runner/run-data.js';
import { decodeHistogram, summarize } from '../stats/histogram.js';
import type { ConnectReport, LoadTestResult, RateReport } from './types.js';
import { failures, runChecks } from './checks.js';
import { collectWarnings } from './warnings.js';

/** Cores of generator CPU above which the generator itself is the likely bottleneck (per worker thread). */
const SATURATED_CORES = 0.85;
/** Event-loop lateness (p99, µs) above which the generator warns that it was late itself. */
const LATE_US = 5_000;

function rateReport(settings: ResolvedOptions, data: RunData): RateReport | undefined {
  if (settings.rate === undefined || data.open === undefined) return undefined;
  const seconds = data.issueMs / 1000;
  const delivered = seconds > 0 ? data.open.sentOnTime / seconds : 0;
  const ratio = data.open.scheduled > 0 ? data.open.sentOnTime / data.open.scheduled : 1;
  return {
    asked: settings.rate,
    delivered: Math.round(delivered * 10) / 10,
    ratio: Math.round(ratio * 10_000) / 10_000,
    unsent: Math.max(0, data.open.scheduled - data.open.sentOnTime),
    generatorLag: summarize(decodeHistogram(data.open.lag)),
    sendDelay: summarize(decodeHistogram(data.open.sendDelay)),
    maxQueued: data.open.maxQueued,
    behind: ratio < 0.99,
  };
}

function connectReport(settings: ResolvedOptions, data: RunData): ConnectReport | undefined {
  const c = data.connect;
  if (c === undefined) return undefined;
  const tls = summarize(decodeHistogram(c.tls));
  const h2 = (c.protocols['h2'] ?? 0) > 0;
  return {
    count: c.count,
    failed: c.failed,
    tcp: summarize(decodeHistogram(c.tcp)),
    ...(tls.count > 0 ? { tls } : {}),
    protocols: c.protocols,
    ...(h2 ? { streamsPerConnection: settings.pipelining } : {}),
    ...(h2 && c.count > 0 ? { peakStreamsPerConnection: Math.round((data.maxInFlight / Math.max(1, data.connections)) * 10) / 10 } : {}),
  };
}

/** Turns raw run data into the public result: summaries, checks, warnings. */
export function buildResult(settings: ResolvedOptions, data: RunData): LoadTestResult {
  const seconds = data.durationMs / 1000;
  const cpuMs = data.cpuUserMs + data.cpuSystemMs;
  const cpuCores = data.durationMs > 0 ? cpuMs / data.durationMs : 0;
  const non2xx = Object.entries(data.statusCodes)
    .filter(([code]) => (Number(code) < 200 || Number(code) >= 400) && !(settings.expectRateLimit && code === '429'))
    .reduce((sum, [, count]) => sum + count, 0);
  const checks = runChecks(settings, { url: settings.url, completed: data.completed, responses: data.responses, statusCodes: data.statusCodes, errors: data.errors, rateLimit: data.rateLimit });
  const failed = Object.values(failures(settings, data.statusCodes, data.errors)).reduce((a, b) => a + b, 0);
  const latency = summarize(decodeHistogram(data.histogram));
  if (latency.count !== data.responses) {
    // A bug, not an input problem: crash (exit 70 in the CLI) rather than print figures that cannot be true.
    throw new Error(`internal: the latency histogram holds ${latency.count} values for ${data.responses} responses`);
  }
  const rate = rateReport(settings, data);
  const connect = connectReport(settings, data);
  const result: LoadTestResult = {
    url: settings.url,
    method: settings.method,
    model: settings.model,
    settings,
    startedAt: data.startedAt,
    durationMs: Math.round(data.durationMs),
    requests: data.completed,
    responses: data.responses,
    sent: data.sent,
    throughput: {
      requestsPerSec: seconds > 0 ? Math.round((data.responses / seconds) * 10) / 10 : 0,
      errorsPerSec: seconds > 0 ? Math.round((data.errorCount / seconds) * 10) / 10 : 0,
      bytesPerSec: seconds > 0 ? Math.round(data.bytes / seconds) : 0,
      bytes: data.bytes,
    },
    errorRate: data.completed > 0 ? Math.round((failed / data.completed) * 10_000) / 10_000 : 0,
    latency,
    coordinatedOmissionCorrected: settings.model === 'open',
    statusCodes: data.statusCodes,
    non2xx,
    errors: data.errors,
    errorCount: data.errorCount,
    errorSamples: data.errorSamples,
    rateLimit: data.rateLimit,
    ...(rate ? { rate } : {}),
    maxInFlight: data.maxInFlight,
    connections: data.connections,
    ...(connect ? { connect } : {}),
    timeline: data.timeline,
    generator: {
      cpuUserMs: Math.round(data.cpuUserMs),
      cpuSystemMs: Math.round(data.cpuSystemMs),
      cpuCores: Math.round(cpuCores * 100) / 100,
      peakRssBytes: data.peakRssBytes,
      saturated: cpuCores >= SATURATED_CORES * settings.workers,
      eventLoopDelay: data.loopDelay,
      late: data.loopDelay.p99 > LATE_US && data.loopDelay.p99 > 0.1 * latency.p50,
    },
    histogram: data.histogram,
    checks,
    passed: checks.every((check) => check.passed) && !data.aborted,
    warnings: [],
    aborted: data.aborted,
  };
  result.warnings = collectWarnings(result);
  return result;
}
