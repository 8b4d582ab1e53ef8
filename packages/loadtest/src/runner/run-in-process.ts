import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ResolvedOptions } from '../options/types.js';
import { encodeHistogram } from '../stats/histogram.js';
import { Recorder } from '../stats/recorder.js';
import { ClosedLoop } from './closed-loop.js';
import type { LiveSnapshot, RunContext } from './live.js';
import { Engine } from './engine.js';
import { OpenLoop } from './open-loop.js';
import type { RunData } from './run-data.js';

const PROGRESS_MS = 500;
/** The event-loop monitor's timer, ms: what it reports beyond this is lateness. */
const LOOP_RESOLUTION_MS = 10;

/** Runs the whole test on this thread's event loop and returns the raw data. */
export async function runInProcess(settings: ResolvedOptions, ctx: RunContext = {}): Promise<RunData> {
  const recorder = new Recorder();
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const engine = new Engine(settings, recorder);
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const model =
    settings.rate === undefined
      ? new ClosedLoop(engine, settings.requests, () => finish())
      : new OpenLoop(engine, settings.rate, settings.requests, () => finish(), t0);

  const measureStart = t0 + settings.warmup * 1000;
  let phase: LiveSnapshot['phase'] = settings.warmup > 0 ? 'warmup' : 'measure';
  let cpu0 = process.cpuUsage();
  let stopAt = 0;
  let aborted = false;
  const timers: NodeJS.Timeout[] = [];

  const beginMeasure = (): void => {
    phase = 'measure';
    // Open model: a request belongs to the measured phase when it was DUE in it (coordinated omission).
    // Closed model: when it completed in it. Attributing by send time recorded nothing at all when the
    // measured window ended before the first post-warmup request went out (a slow server or a late timer on a
    // busy machine): p50 = 0 for a run with responses.
    if (settings.model === 'open') engine.measureFrom = measureStart;
    recorder.reset(measureStart);
    model.beginMeasure(measureStart);
    cpu0 = process.cpuUsage();
    loop.reset();
    loop.enable();
    timers.push(setInterval(() => recorder.sample(performance.now(), engine.inFlight), settings.sampleIntervalMs));
    if (settings.duration !== undefined && settings.requests === undefined) timers.push(setTimeout(stop, settings.duration * 1000));
  };
  const stop = (): void => {
    if (stopAt !== 0) return;
    stopAt = performance.now();
    phase = 'drain';
    model.stop();
    timers.push(setTimeout(finish, settings.timeout + 1000));
  };
  let lastCount = 0;
  let lastAt = measureStart;
  const progress = (): void => {
    const now = performance.now();
    const rps = now > lastAt ? ((recorder.completed - lastCount) * 1000) / (now - lastAt) : 0;
    lastCount = recorder.completed;
    lastAt = now;
    ctx.onSnapshot?.({
      phase,
      elapsedMs: Math.round(now - measureStart),
      totalMs: settings.requests === undefined ? (settings.duration ?? 0) * 1000 : 0,
      requests: recorder.completed,
      ...(settings.requests === undefined ? {} : { totalRequests: settings.requests }),
      requestsPerSec: Math.round(rps),
      p50: recorder.histogram.totalCount ? recorder.histogram.getValueAtPercentile(50) : 0,
      p90: recorder.histogram.totalCount ? recorder.histogram.getValueAtPercentile(90) : 0,
      p99: recorder.histogram.totalCount ? recorder.histogram.getValueAtPercentile(99) : 0,
      errors: recorder.errorCount,
      inFlight: engine.inFlight,
    });
  };
  const onAbort = (): void => {
    aborted = true;
    stop();
    finish();
  };

  if (ctx.signal?.aborted) onAbort();
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  if (ctx.onSnapshot) timers.push(setInterval(progress, PROGRESS_MS));
  if (!aborted) {
    if (settings.warmup > 0) timers.push(setTimeout(beginMeasure, settings.warmup * 1000));
    else beginMeasure();
    model.start();
  }

  await finished;
  const end = performance.now();
  if (stopAt === 0) stopAt = end;
  for (const timer of timers) clearTimeout(timer);
  ctx.signal?.removeEventListener('abort', onAbort);
  if (phase !== 'warmup') recorder.sample(end, engine.inFlight, settings.sampleIntervalMs / 2);
  const cpu = process.cpuUsage(cpu0);
  loop.disable();
  const late = (ns: number): number => (loop.count > 0 && Number.isFinite(ns) ? Math.max(0, Math.round(ns / 1000 - LOOP_RESOLUTION_MS * 1000)) : 0);
  await engine.close();
  const counts = model instanceof OpenLoop ? model.counts() : undefined;
  return {
    startedAt,
    durationMs: Math.max(0, end - measureStart),
    issueMs: Math.max(0, stopAt - measureStart),
    completed: recorder.completed,
    responses: recorder.responses,
    sent: counts ? counts.sent : recorder.completed,
    bytes: recorder.bytes,
    errorCount: recorder.errorCount,
    errors: recorder.errors,
    errorSamples: recorder.errorSamples,
    statusCodes: recorder.statusCodes(),
    rateLimit: recorder.rateLimit,
    timeline: recorder.timeline,
    histogram: encodeHistogram(recorder.histogram),
    maxInFlight: engine.maxInFlight,
    connections: engine.clients.length,
    ...(model instanceof OpenLoop && counts
      ? { open: { scheduled: counts.scheduled, sentOnTime: counts.sent, lag: encodeHistogram(model.lag), sendDelay: encodeHistogram(model.sendDelay), maxQueued: model.maxQueued } }
      : {}),
    loopDelay: { p50: late(loop.percentile(50)), p99: late(loop.percentile(99)), max: late(loop.max) },
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    aborted,
    connect: engine.connectStats.toData(),
  };
}
