import type { ProbeSeverity } from './report/types.js';

/** A family of probes, as `only` names them. */
export type ProbeFamily = 'headers' | 'cors' | 'cookies' | 'rate-limit' | 'validation' | 'graphql';

/** Options of {@link probeApi}. Only `url` is required; every bound has a safe default. */
export interface ProbeOptions {
  /** Base URL of the running API, e.g. `http://127.0.0.1:3000`. Loopback only unless `allowRemote`. */
  readonly url: string;
  /** OpenAPI 3 document (YAML or JSON): a file path, or the parsed object. Enables the input-validation probes. */
  readonly spec?: string | Readonly<Record<string, unknown>>;
  /**
   * Path of the login route (e.g. `/auth/login`): the rate-limit burst targets it with POST. Without it (and
   * without `rateLimitRoute`), a POST operation of the spec whose path has a `login`, `signin`, `auth`,
   * `session` or `token` segment is used.
   */
  readonly login?: string;
  /** Another route for the burst when there is no login route, e.g. `GET /api/items` or `/api/items`. */
  readonly rateLimitRoute?: string;
  /** JSON body of the login burst. Default `{"username":"sb-probe","password":"sb-probe-wrong-password"}` (or `email` when the spec says so). */
  readonly loginBody?: unknown;
  /** Requests in the rate-limit burst. Default 60, at most 1000. */
  readonly burst?: number;
  /** Concurrency of the burst. Default 4. */
  readonly burstConcurrency?: number;
  /** Extra request headers sent with every probe (e.g. `Authorization`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Timeout of one request in ms. Default 5000. */
  readonly timeoutMs?: number;
  /** Deadline of the whole probe in ms. Default 120000. Probes not started by then are reported as skipped. */
  readonly maxTimeMs?: number;
  /** Size of the oversized body in bytes. Default 2 MiB + 1 KiB, at most 16 MiB. */
  readonly oversizedBytes?: number;
  /** At most this many operations from the spec are probed. Default 50. */
  readonly maxOperations?: number;
  /** Probe a non-loopback host. Off by default: a probe is an attack and must target your own machine. */
  readonly allowRemote?: boolean;
  /** Failed findings at or above this severity make `ok` false. Default `high`. */
  readonly failOn?: ProbeSeverity;
  /**
   * GraphQL probes. `true`: the target URL (or a common path such as `/graphql` on its origin) must be a
   * GraphQL endpoint, else `SECRULES_PROBE_NOT_GRAPHQL`; `false`: never; unset: run them when one of those
   * paths answers a GraphQL request.
   */
  readonly graphql?: boolean;
  /** Which probe families to run. Default all that the options allow. */
  readonly only?: readonly ProbeFamily[];
}

/** Options with every default applied and every bound checked. */
export interface ResolvedProbeOptions {
  readonly base: URL;
  readonly spec: string | Readonly<Record<string, unknown>> | undefined;
  readonly login: string | undefined;
  readonly rateLimitRoute: { readonly method: string; readonly path: string } | undefined;
  readonly loginBody: unknown;
  readonly burst: number;
  readonly burstConcurrency: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxTimeMs: number;
  readonly oversizedBytes: number;
  readonly maxOperations: number;
  readonly allowRemote: boolean;
  readonly failOn: ProbeSeverity;
  readonly families: ReadonlySet<string>;
  readonly graphql: boolean | undefined;
}
