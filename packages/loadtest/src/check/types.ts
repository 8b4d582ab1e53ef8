import type { Baseline } from '../baseline/baseline.js';
import type { BaselineComparison } from '../baseline/compare-to-baseline.js';
import type { EndpointComparison } from '../compare/compare-endpoints.js';
import type { LoadTestOptions } from '../options/types.js';
import type { LoadTestRun } from '../run-load-test.js';
import type { Shard } from '../shard/shard-file.js';
import type { Scenario, ScenarioResult, ScenarioRunOptions } from '../scenario/types.js';

/**
 * One `sb load` invocation as data: what to load (a URL, two URLs, or a scenario), how (the load options), what to
 * check (expectations, `maxErrorRate`, a baseline) and which files to write. Exactly one of `url` or `scenario`.
 */
export interface LoadCheckOptions extends Omit<LoadTestOptions, 'url'>, Omit<ScenarioRunOptions, keyof LoadTestOptions | 'scenario'> {
  /** The URL to load (one-URL mode; with `compareUrl`, the first of two). With a scenario, unused. */
  url?: string;
  /** A second URL: both are measured in alternating slices and compared (`compareEndpoints`). */
  compareUrl?: string;
  /** A scenario: a `.yaml`/`.yml`/`.json`/`.js`/`.mjs`/`.ts` file path, or the scenario itself. */
  scenario?: string | Scenario;
  /** A baseline (a file path or the parsed baseline): re-run its settings and compare. One-URL mode only. */
  baseline?: string | Baseline;
  /** Allowed regression vs the baseline (0.1 = 10%, the default). */
  tolerance?: number;
  /**
   * Write the baseline of this run here (one-URL mode); with `segment`, the shard to merge. `-` writes nothing and
   * returns it as `saved` instead (the CLI prints it as one JSON line).
   */
  save?: string;
  /** Write the self-contained HTML report here. */
  html?: string;
}

/** Files a check wrote (absolute paths). */
export interface WrittenFiles {
  html?: string;
  /** The baseline or shard written by `save`. */
  saved?: string;
}

/** The outcome of `runLoadCheck`: one typed result whatever the mode; `passed` decides the exit code. */
export type LoadCheck =
  | { kind: 'run'; passed: boolean; result: LoadTestRun; baseline?: BaselineComparison; written: WrittenFiles; saved?: Baseline | Shard }
  | { kind: 'compare'; passed: boolean; comparison: EndpointComparison; written: WrittenFiles }
  | { kind: 'scenario'; passed: boolean; result: ScenarioResult; written: WrittenFiles };
