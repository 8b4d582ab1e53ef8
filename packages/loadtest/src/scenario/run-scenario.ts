import { setMaxListeners } from 'node:events';
import { Agent } from 'undici';
import type { LoadTestContext } from '../options/types.js';
import { resolveOptions } from '../options/validate.js';
import { LoadtestError } from '../errors.js';
import { createHistogram, recordUs } from '../stats/histogram.js';
import { Recorder } from '../stats/recorder.js';
import { readRows, checkRows } from './data.js';
import { checkTemplates, flowsOf, validateScenario } from './load-scenario.js';
import { buildScenarioResult } from './result.js';
import { FlowStats, StepStats, weightedPicker } from './stats.js';
import { runStep, type StepContext } from './step.js';
import type { ScenarioFlow, ScenarioResult, ScenarioRunOptions, ScenarioSettings, ScenarioStep } from './types.js';

const PROGRESS_MS = 500;

function thinkMs(think: ScenarioStep['think']): number {
  if (think === undefined) return 0;
  return (Array.isArray(think) ? think[0] + Math.random() * (think[1] - think[0]) : think) * 1000;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function settingsOf(options: ScenarioRunOptions, rows: number): ScenarioSettings {
  // The numeric options mean what they mean for one URL (a "request" is one flow run): validate them alike.
  const r = resolveOptions({
    url: 'http://127.0.0.1/',
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.duration === undefined ? {} : { duration: options.duration }),
    ...(options.requests === undefined ? {} : { requests: options.requests }),
    ...(options.rate === undefined ? {} : { rate: options.rate }),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    ...(options.maxErrorRate === undefined ? {} : { maxErrorRate: options.maxErrorRate }),
    ...(options.expectStatus === undefined ? {} : { expectStatus: options.expectStatus }),
    ...(options.sampleIntervalMs === undefined ? {} : { sampleIntervalMs: options.sampleIntervalMs }),
  });
  const dataMode = options.dataMode ?? 'per-vu';
  if (dataMode !== 'per-vu' && dataMode !== 'round-robin') throw new LoadtestError('LOADTEST_INVALID_OPTION', `dataMode must be per-vu or round-robin, got ${JSON.stringify(dataMode)}`);
  return {
    model: r.model,
    concurrency: r.concurrency,
    ...(r.duration === undefined ? {} : { duration: r.duration }),
    ...(r.requests === undefined ? {} : { requests: r.requests }),
    ...(r.rate === undefined ? {} : { rate: r.rate }),
    timeout: r.timeout,
    dataMode: r.model === 'open' ? 'round-robin' : dataMode,
    dataRows: rows,
    maxErrorRate: r.maxErrorRate,
    sampleIntervalMs: r.sampleIntervalMs,
  };
}

/**
 * Runs a scenario: `setup` once, then flows of steps under the closed model (`concurrency` virtual users, each
 * looping over weighted flows) or the open model (`rate` flow starts per second; every step's latency counts
 * from its intended start, so a late start or a full connection pool is charged: coordinated omission
 * corrected). Captures feed later steps through `{{templates}}`; data rows feed variables per virtual user or
 * round robin. Never throws for what the server does; throws `LOADTEST_SCENARIO_INVALID` /
 * `LOADTEST_DATA_INVALID` / `LOADTEST_INVALID_OPTION` before any request.
 *
 * @example
 * ```ts
 * const r = await runScenario({ scenario: await readScenario('flow.yaml'), requests: 50, concurrency: 5 });
 * r.steps.map((s) => [s.name, s.latency.p99, s.failures]);
 * ```
 */
export async function runScenario(options: ScenarioRunOptions, ctx: LoadTestContext = {}): Promise<ScenarioResult> {
  const source = options.source ?? 'scenario';
  const scenario = validateScenario(options.scenario, source);
  const named = scenario.name === undefined && options.source !== undefined ? { ...scenario, name: options.source } : scenario;
  const rows = typeof options.data === 'string' ? await readRows(options.data, options.cwd) : options.data ? checkRows(options.data) : [];
  checkTemplates(scenario, [...new Set(rows.flatMap((row) => Object.keys(row)))], source);
  const settings = settingsOf(options, rows.length);
  const flows = flowsOf(scenario);
  const controller = new AbortController();
  // Every request and think-time pause in flight listens to it: one per flow in flight, legitimately many.
  setMaxListeners(0, controller.signal);
  const onAbort = (): void => controller.abort();
  if (ctx.signal?.aborted) controller.abort();
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  const agent = new Agent({ connections: settings.concurrency, headersTimeout: settings.timeout, bodyTimeout: settings.timeout, connectTimeout: settings.timeout });
  const headers = Object.fromEntries(Object.entries(scenario.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const stepCtx = (vars: Record<string, string>): StepContext => ({ dispatcher: agent, vars, headers, expectStatus: options.expectStatus, signal: controller.signal });
  const startedAt = new Date().toISOString();
  try {
    // Setup: once, sequentially; its captures are visible to every flow.
    const globals: Record<string, string> = {};
    let setup: ScenarioResult['setup'];
    if (scenario.setup) {
      const stats = scenario.setup.map((step) => new StepStats('setup', step.name));
      let message = `${scenario.setup.length} step${scenario.setup.length === 1 ? '' : 's'} passed`;
      for (const [i, step] of scenario.setup.entries()) {
        const start = performance.now();
        const outcome = await runStep(step, stepCtx(globals));
        stats[i]!.record(outcome, (outcome.end - start) * 1000);
        if (outcome.failure !== undefined) {
          message = `step "${step.name}" failed: ${outcome.failure}`;
          break;
        }
      }
      setup = { passed: stats.every((s) => s.failed === 0), steps: stats.map((s) => s.result()), message };
      if (!setup.passed) return buildScenarioResult({ scenario: named, settings, startedAt, durationMs: 0, setup, flows: [], steps: [], recorder: new Recorder(), aborted: controller.signal.aborted });
    }

    const stepStats = flows.map((flow) => flow.steps.map((step) => new StepStats(flow.name, step.name)));
    const flowStats = flows.map((flow) => new FlowStats(flow.name));
    const pick = weightedPicker(flows.map((flow) => flow.weight ?? 1));
    const recorder = new Recorder();
    const open = settings.model === 'open';
    let inFlight = 0;
    let nextRow = 0;
    const row = (vu: number): Record<string, string> => (rows.length === 0 ? {} : settings.dataMode === 'per-vu' ? rows[vu % rows.length]! : rows[nextRow++ % rows.length]!);

    const runFlow = async (index: number, flow: ScenarioFlow, vars: Record<string, string>, intendedStart: number): Promise<void> => {
      inFlight++;
      flowStats[index]!.started++;
      let stepIntended = intendedStart;
      let ok = true;
      for (const [i, step] of flow.steps.entries()) {
        if (controller.signal.aborted) {
          ok = false;
          break;
        }
        // Open model: from the intended start (a late start is charged); closed: from the send.
        const from = open ? stepIntended : performance.now();
        const outcome = await runStep(step, stepCtx(vars));
        const latencyUs = (outcome.end - from) * 1000;
        stepStats[index]![i]!.record(outcome, latencyUs);
        if (outcome.status !== undefined) recorder.record(latencyUs, outcome.status, 0);
        else recorder.recordError(outcome.transport ?? 'other', outcome.failure ?? 'failed');
        if (outcome.failure !== undefined) {
          ok = false;
          break;
        }
        const pause = thinkMs(step.think ?? scenario.think);
        stepIntended = outcome.end + pause;
        await sleep(pause, controller.signal);
      }
      inFlight--;
      if (ok) {
        flowStats[index]!.completed++;
        recordUs(flowStats[index]!.histogram, (performance.now() - intendedStart) * 1000);
      } else flowStats[index]!.failed++;
    };

    const t0 = performance.now();
    recorder.reset(t0);
    const budget = settings.requests ?? Number.POSITIVE_INFINITY;
    let started = 0;
    let stopping = false;
    const running = new Set<Promise<void>>();
    const timers: NodeJS.Timeout[] = [setInterval(() => recorder.sample(performance.now(), inFlight), settings.sampleIntervalMs)];
    let finishOpen: () => void = () => undefined;
    const stop = (): void => {
      stopping = true;
      finishOpen();
    };
    if (settings.requests === undefined) timers.push(setTimeout(stop, (settings.duration ?? 10) * 1000));
    controller.signal.addEventListener('abort', stop, { once: true });
    const startDelay = createHistogram();
    let lastDone = 0;
    let lastAt = t0;
    if (ctx.onProgress) {
      timers.push(
        setInterval(() => {
          const now = performance.now();
          const done = flowStats.reduce((s, f) => s + f.completed + f.failed, 0);
          const perSec = Math.round(((done - lastDone) * 1000) / Math.max(1, now - lastAt));
          [lastDone, lastAt] = [done, now];
          const failed = stepStats.flat().reduce((s, st) => s + st.failed, 0);
          const bounded = settings.requests !== undefined;
          ctx.onProgress?.({
            phase: stopping ? 'drain' : 'measure',
            message: `flows ${bounded ? `${done}/${settings.requests}` : `${((now - t0) / 1000).toFixed(1)}/${settings.duration ?? 10} s`} · ${perSec} flows/s · ${recorder.responses} responses · ${failed} failed · ${inFlight} in flight`,
            done: bounded ? done : Math.round(now - t0),
            total: bounded ? settings.requests! : (settings.duration ?? 10) * 1000,
          });
        }, PROGRESS_MS),
      );
    }

    const launch = (vu: number, intended: number): Promise<void> => {
      const index = pick();
      const vars = { ...globals, ...row(vu), vu: String(vu + 1), iteration: String(started), flow: flows[index]!.name };
      started++;
      const p = runFlow(index, flows[index]!, vars, intended).finally(() => running.delete(p));
      running.add(p);
      return p;
    };

    if (!open) {
      const vu = async (i: number): Promise<void> => {
        while (!stopping && started < budget) await launch(i, performance.now());
      };
      await Promise.all(Array.from({ length: settings.concurrency }, (_, i) => vu(i)));
    } else {
      const interval = 1000 / settings.rate!;
      await new Promise<void>((resolve) => {
        finishOpen = () => {
          clearTimeout(next);
          resolve();
        };
        let due = 0;
        let next: NodeJS.Timeout | undefined;
        const tick = (): void => {
          if (stopping) return finishOpen();
          const now = performance.now();
          const dueNow = Math.min(budget, Math.floor((now - t0) / interval) + 1);
          if (dueNow > due) due = dueNow;
          // Start what is due while fewer than `concurrency` flows are in flight; the rest waits, timed from its intended start.
          while (started < due && inFlight < settings.concurrency) {
            const intended = t0 + started * interval;
            recordUs(startDelay, (now - intended) * 1000);
            const p = launch(started, intended);
            void p.then(() => setImmediate(tick));
          }
          if (started >= budget) return finishOpen();
          clearTimeout(next);
          next = setTimeout(tick, Math.max(0, t0 + started * interval - performance.now()));
        };
        tick();
      });
    }
    const issueMs = performance.now() - t0;
    // Drain: flows in flight finish (each request is bounded by the timeout); a stuck drain is cut after timeout + 1 s.
    const cut = setTimeout(() => controller.abort(), settings.timeout + 1000);
    await Promise.all([...running]);
    clearTimeout(cut);
    for (const timer of timers) clearTimeout(timer);
    const end = performance.now();
    recorder.sample(end, 0, settings.sampleIntervalMs / 2);
    return buildScenarioResult({
      scenario: named,
      settings,
      startedAt,
      durationMs: end - t0,
      ...(setup ? { setup } : {}),
      flows: flowStats.map((f) => f.result()),
      steps: stepStats.flat().map((s) => s.result()),
      recorder,
      aborted: ctx.signal?.aborted === true,
      ...(open ? { open: { started, issueMs, startDelay } } : {}),
    });
  } finally {
    ctx.signal?.removeEventListener('abort', onAbort);
    await agent.close().catch(() => undefined);
  }
}
