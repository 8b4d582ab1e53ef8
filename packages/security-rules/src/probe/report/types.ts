/** Types of the live-probe report: what `probeApi` returns and `sb security probe --json` prints. */
import type { GraphqlObservation } from '../graphql/probe-graphql.js';

export type { GraphqlObservation };

/** How bad a failed probe is. `high` fails the run by default (CLI exit 1). */
export type ProbeSeverity = 'high' | 'medium' | 'low' | 'info';

/** The verdict of one probe. `skip` means it could not be judged (the detail says why). */
export type ProbeStatus = 'pass' | 'fail' | 'skip';

/** The family a probe belongs to. */
export type ProbeCategory = 'headers' | 'cors' | 'cookies' | 'rate-limit' | 'validation' | 'errors' | 'graphql';

/** One request/response pair kept as evidence for a verdict (bodies are cut short). */
export interface ProbeEvidence {
  readonly method: string;
  readonly url: string;
  /** Request headers the probe set on purpose (Origin, Content-Type, …). */
  readonly requestHeaders?: Readonly<Record<string, string>>;
  /** First bytes of the request body, when one was sent. */
  readonly requestBody?: string;
  readonly status?: number;
  /** The response headers relevant to the verdict. */
  readonly responseHeaders?: Readonly<Record<string, string>>;
  /** First bytes of the response body, when relevant (e.g. a leaked stack trace). */
  readonly responseBody?: string;
}

/** The verdict of one probe. */
export interface ProbeFinding {
  /** Stable id, e.g. `headers.csp`, `cors.reflected-origin`, `validation.wrong-type`. */
  readonly id: string;
  readonly category: ProbeCategory;
  readonly title: string;
  readonly severity: ProbeSeverity;
  readonly status: ProbeStatus;
  /** One or two sentences: what was seen. */
  readonly detail: string;
  /** What to change when the probe failed. */
  readonly fix?: string;
  /** CWE id, e.g. `CWE-942`. */
  readonly cwe?: string;
  /** The route this verdict is about, e.g. `POST /auth/login`, when it is not the base URL. */
  readonly route?: string;
  readonly evidence?: readonly ProbeEvidence[];
  /** A curl command that sends the request behind the verdict again (GraphQL probes). */
  readonly curl?: string;
}

/** One test of the MDN HTTP Observatory algorithm (v4), with the same result names and score modifiers. */
export interface ObservatoryTest {
  /** The Observatory's expectation name, e.g. `csp-not-implemented`. */
  readonly result: string;
  readonly pass: boolean;
  readonly scoreModifier: number;
}

/** A score computed with the MDN HTTP Observatory's algorithm (v4) on the base response. */
export interface ObservatoryGrade {
  readonly algorithmVersion: 4;
  readonly score: number;
  readonly grade: string;
  readonly testsPassed: number;
  readonly testsFailed: number;
  readonly tests: Readonly<Record<string, ObservatoryTest>>;
  /**
   * Failed tests that cannot be judged on this target: `strict-transport-security` and `redirection` on a
   * plain-HTTP loopback target (TLS comes later, or from a proxy in front). Empty on HTTPS or remote targets.
   */
  readonly notApplicable: readonly string[];
  /** The score over the tests that apply; equals `score` when `notApplicable` is empty. */
  readonly applicable: { readonly score: number; readonly grade: string; readonly testsPassed: number; readonly testsFailed: number };
}

/** What the rate-limit burst saw. */
export interface RateLimitObservation {
  readonly route: string;
  readonly method: string;
  readonly requests: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  /** True when any response was 429. */
  readonly limited: boolean;
  /** How many requests had been sent when the first 429 came back. */
  readonly firstLimitedAfter?: number;
  /** The `Retry-After` value of the first 429, if sent. */
  readonly retryAfter?: string;
  /** `RateLimit-*` / `X-RateLimit-*` headers seen (first 429, else first response). */
  readonly headers: Readonly<Record<string, string>>;
}

/** Counts over all findings. */
export interface ProbeSummary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Failed findings at or above the `failOn` severity: the run failed when this is > 0. */
  readonly gating: number;
  readonly bySeverity: Readonly<Record<ProbeSeverity, number>>;
  /** HTTP requests sent, all probes together. */
  readonly requests: number;
}

/** The whole result of `probeApi`. */
export interface ProbeReport {
  readonly target: string;
  /** What the base URL served, which decides the header rules that apply. */
  readonly contentType: 'html' | 'json' | 'other';
  readonly status: number;
  /** The header grade; absent when `only` leaves out `headers`. */
  readonly observatory?: ObservatoryGrade;
  readonly findings: readonly ProbeFinding[];
  readonly rateLimit?: RateLimitObservation;
  /** Operations probed from `--spec`, with the number of cases sent to each. */
  readonly validation?: readonly { readonly route: string; readonly cases: number }[];
  /** The GraphQL endpoint probed and what it revealed, when one was found. */
  readonly graphql?: GraphqlObservation;
  readonly failOn: ProbeSeverity;
  /** True when no failed finding reaches `failOn`. */
  readonly ok: boolean;
  readonly summary: ProbeSummary;
  readonly durationMs: number;
}
