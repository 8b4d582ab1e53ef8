import type { LiveSnapshot } from '../runner/live.js';

/** Labels every exported series carries. */
export interface MetricsLabels {
  /** The URL under test (or the scenario's name). */
  target: string;
  /** `i/N` when the run is one shard of a distributed test. */
  segment?: string;
}

/** A destination of live metrics: fed with each progress snapshot, closed (after a final flush) when the run ends. */
export interface MetricsSink {
  /** Where it is (the scrape URL or the OTLP endpoint). */
  readonly address: string;
  update(progress: LiveSnapshot): void;
  close(): Promise<void>;
}

/** Turns progress snapshots (cumulative counts) into increments for counters. */
export class Deltas {
  #requests = 0;
  #errors = 0;

  next(progress: LiveSnapshot): { requests: number; errors: number } {
    // The measured phase restarts the counts after warmup: a drop means a new start.
    const requests = progress.requests >= this.#requests ? progress.requests - this.#requests : progress.requests;
    const errors = progress.errors >= this.#errors ? progress.errors - this.#errors : progress.errors;
    this.#requests = progress.requests;
    this.#errors = progress.errors;
    return { requests, errors };
  }
}
