import type { LoadModelSettings } from '../options/types.js';
import type { CheckResult } from '../result/types.js';
import type { LatencySummary, TimelinePoint } from '../stats/types.js';

/** An HTTP request of a step. Strings may hold `{{variable}}` templates (URL, header values, body). */
export interface ScenarioRequest {
  /** Default `GET`. */
  method?: string;
  /** Absolute http(s) URL template. */
  url: string;
  headers?: Record<string, string>;
  /** A string (template), or a JSON value sent as JSON (`content-type: application/json` unless set). */
  body?: unknown;
}

/** A GraphQL operation: POSTed as JSON; a 200 whose body has `errors` counts as a failure. */
export interface ScenarioGraphql {
  url: string;
  query: string;
  /** Templates inside string values are filled in. */
  variables?: Record<string, unknown>;
  operationName?: string;
  headers?: Record<string, string>;
}

/** One named step: an HTTP request or a GraphQL operation, what to capture, what status to expect, think time. */
export interface ScenarioStep {
  name: string;
  request?: ScenarioRequest;
  graphql?: ScenarioGraphql;
  /**
   * Variables to capture from the response: `$.token` (JSONPath into the JSON body), `header:NAME`, or
   * `regex:PATTERN` (the first group, else the whole match). A capture that finds nothing fails the step.
   */
  capture?: Record<string, string>;
  /** Accepted status codes (default: any 2xx or 3xx). */
  expectStatus?: number | number[];
  /** Seconds to wait after this step: a number, or `[min, max]` for a uniform random pause. */
  think?: number | [number, number];
}

/** A named sequence of steps; `weight` sets how often it runs relative to the other flows (default 1). */
export interface ScenarioFlow {
  name: string;
  weight?: number;
  steps: ScenarioStep[];
}

/**
 * A scenario: `steps` (one flow), or `flows` (a weighted mix); an optional `setup` that runs once before the
 * load (its captures are visible to every flow); default `think` time after each step; default `headers`.
 *
 * @example
 * ```ts
 * export default {
 *   steps: [
 *     { name: 'login', request: { method: 'POST', url: 'http://127.0.0.1:3000/login', body: '{"user":"a"}' }, capture: { token: '$.token' } },
 *     { name: 'read', request: { url: 'http://127.0.0.1:3000/items/{{token}}', headers: { authorization: 'Bearer {{token}}' } } },
 *   ],
 * } satisfies Scenario;
 * ```
 */
export interface Scenario {
  name?: string;
  setup?: ScenarioStep[];
  steps?: ScenarioStep[];
  flows?: ScenarioFlow[];
  think?: number | [number, number];
  headers?: Record<string, string>;
}

/** How a scenario runs: the load options of a URL run, where a "request" is one run of a flow. */
export interface ScenarioRunOptions {
  scenario: Scenario;
  /** Closed model: virtual users, each looping over flows (default 10). Open model: the cap on flows in flight. */
  concurrency?: number;
  /** Seconds of load (default 10 unless `requests`). */
  duration?: number;
  /** Run this many flows, then stop. */
  requests?: number;
  /** Open model: flow starts per second. */
  rate?: number;
  /** Per-request timeout, ms (default 10 000). */
  timeout?: number;
  /** Data rows (a CSV or JSON file path, or the rows): their columns are variables. */
  data?: string | Record<string, string>[];
  /** `per-vu`: virtual user i always uses row i (closed model; default); `round-robin`: each flow run takes the next row. */
  dataMode?: 'per-vu' | 'round-robin';
  /** Accepted status codes for steps that set none. */
  expectStatus?: number[];
  /** Largest failed fraction of step requests before the run fails (default 0.01). */
  maxErrorRate?: number;
  /** Timeline sample width, ms (default 500). */
  sampleIntervalMs?: number;
  /** Base folder for a relative `data` path (default: the current directory). */
  cwd?: string;
  /** Names the scenario in error messages (the file it came from). */
  source?: string;
}

/** The settings that ran. */
export interface ScenarioSettings extends LoadModelSettings {
  dataMode: 'per-vu' | 'round-robin';
  dataRows: number;
  maxErrorRate: number;
  sampleIntervalMs: number;
}

/** One step's numbers. Latency over responses only, µs; open model: from each step's intended start. */
export interface StepResult {
  flow: string;
  name: string;
  /** Requests completed (responses + transport errors). */
  requests: number;
  responses: number;
  statusCodes: Record<string, number>;
  /** Failures by class: `connection refused`, `status 500`, `capture token`, `graphql errors`, … */
  failures: Record<string, number>;
  failed: number;
  latency: LatencySummary;
  /** HDR histogram (compressed base64), µs: mergeable. */
  histogram: string;
}

/** One flow's numbers; `latency` is the whole flow, first request to last response, think time included. */
export interface FlowResult {
  name: string;
  started: number;
  completed: number;
  failed: number;
  latency: LatencySummary;
  histogram: string;
}

/** Everything a scenario run measured. */
export interface ScenarioResult {
  name?: string;
  settings: ScenarioSettings;
  startedAt: string;
  durationMs: number;
  /** The setup phase, when there is one (ran once, not counted in the load figures). */
  setup?: { passed: boolean; steps: StepResult[]; message: string };
  flows: FlowResult[];
  steps: StepResult[];
  /** Step requests over the whole run. */
  requests: number;
  responses: number;
  /** Responses per second (step requests); flow runs completed per second. */
  throughput: { requestsPerSec: number; flowsPerSec: number; errorsPerSec: number };
  errorRate: number;
  /** Open model: flow starts asked and delivered, and how late they went out (µs; counted in latency). */
  rate?: { asked: number; delivered: number; unsent: number; startDelay: LatencySummary };
  /** All steps, per sample: responses/s, errors, flows in flight, step latency percentiles. */
  timeline: TimelinePoint[];
  checks: CheckResult[];
  passed: boolean;
  warnings: string[];
  aborted: boolean;
}
