import type { Histogram } from 'hdr-histogram-js';
import { checkErrorRate } from '../result/checks.js';
import type { CheckResult } from '../result/types.js';
import { summarize } from '../stats/histogram.js';
import type { Recorder } from '../stats/recorder.js';
import type { FlowResult, Scenario, ScenarioResult, ScenarioSettings, StepResult } from './types.js';
import { flowsOf } from './load-scenario.js';

/** The raw outcome of a scenario run. */
export interface ScenarioRunData {
  scenario: Scenario;
  settings: ScenarioSettings;
  startedAt: string;
  durationMs: number;
  setup?: NonNullable<ScenarioResult['setup']>;
  flows: FlowResult[];
  steps: StepResult[];
  recorder: Recorder;
  aborted: boolean;
  open?: { started: number; issueMs: number; startDelay: Histogram };
}

function add(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
  return into;
}

const ms = (us: number): string => `${(us / 1000).toFixed(1)} ms`;

/** Summaries, checks (setup, a response at all, max error rate) and warnings of a scenario run. */
export function buildScenarioResult(d: ScenarioRunData): ScenarioResult {
  const requests = d.steps.reduce((s, st) => s + st.requests, 0);
  const responses = d.steps.reduce((s, st) => s + st.responses, 0);
  const failures = d.steps.reduce((acc, st) => add(acc, st.failures), {} as Record<string, number>);
  const transportErrors = d.steps.reduce((s, st) => s + (st.requests - st.responses), 0);
  const seconds = d.durationMs / 1000;
  const checks: CheckResult[] = [];
  if (d.setup) checks.push({ name: 'setup', passed: d.setup.passed, message: d.setup.message });
  const firstUrl = (() => {
    const step = flowsOf(d.scenario)[0]?.steps[0];
    return step?.request?.url ?? step?.graphql?.url ?? '';
  })();
  if (d.setup?.passed !== false) {
    if (responses === 0 && requests > 0) {
      const what = Object.entries(failures).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(', ');
      checks.push({ name: 'responses', passed: false, message: `no response from ${firstUrl}: ${what}`, offenders: failures });
    } else {
      checks.push(checkErrorRate(d.settings.maxErrorRate, requests, failures));
    }
  }
  const warnings: string[] = [];
  let rate: ScenarioResult['rate'];
  if (d.open && d.settings.rate !== undefined) {
    const delivered = d.open.issueMs > 0 ? Math.round((d.open.started / (d.open.issueMs / 1000)) * 10) / 10 : 0;
    const startDelay = summarize(d.open.startDelay);
    const scheduled = d.settings.requests ?? Math.round((d.settings.rate * d.open.issueMs) / 1000);
    rate = { asked: d.settings.rate, delivered, unsent: Math.max(0, scheduled - d.open.started), startDelay };
    if (delivered < 0.99 * d.settings.rate && d.settings.requests === undefined) {
      warnings.push(`only ${delivered} of ${d.settings.rate} flow starts/s went out (start delay p99 ${ms(startDelay.p99)}): ${d.settings.concurrency} flows in flight at most; raise --concurrency, or the server is saturated`);
    }
  }
  if (d.aborted) warnings.push('the run was aborted: partial results');
  return {
    ...(d.scenario.name === undefined ? {} : { name: d.scenario.name }),
    settings: d.settings,
    startedAt: d.startedAt,
    durationMs: Math.round(d.durationMs),
    ...(d.setup ? { setup: d.setup } : {}),
    flows: d.flows,
    steps: d.steps,
    requests,
    responses,
    throughput: {
      requestsPerSec: seconds > 0 ? Math.round((responses / seconds) * 10) / 10 : 0,
      flowsPerSec: seconds > 0 ? Math.round((d.flows.reduce((s, f) => s + f.completed, 0) / seconds) * 10) / 10 : 0,
      errorsPerSec: seconds > 0 ? Math.round((transportErrors / seconds) * 10) / 10 : 0,
    },
    errorRate: requests > 0 ? Math.round((Object.values(failures).reduce((a, b) => a + b, 0) / requests) * 10_000) / 10_000 : 0,
    ...(rate ? { rate } : {}),
    timeline: d.recorder.timeline,
    checks,
    passed: checks.every((c) => c.passed) && !d.aborted,
    warnings,
    aborted: d.aborted,
  };
}
