import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, encodeHistogram, recordUs, summarize } from '../stats/histogram.js';
import type { FlowResult, StepResult } from './types.js';
import type { StepOutcome } from './step.js';

/** Counts of one step while the run goes. */
export class StepStats {
  readonly histogram: Histogram = createHistogram();
  readonly statusCodes: Record<string, number> = {};
  readonly failures: Record<string, number> = {};
  requests = 0;
  responses = 0;
  failed = 0;

  constructor(
    readonly flow: string,
    readonly name: string,
  ) {}

  /** Records one outcome; `latencyUs` counts only when a response arrived. */
  record(outcome: StepOutcome, latencyUs: number): void {
    this.requests++;
    if (outcome.status !== undefined) {
      this.responses++;
      recordUs(this.histogram, latencyUs);
      this.statusCodes[outcome.status] = (this.statusCodes[outcome.status] ?? 0) + 1;
    }
    if (outcome.failure !== undefined) {
      this.failed++;
      this.failures[outcome.failure] = (this.failures[outcome.failure] ?? 0) + 1;
    }
  }

  result(): StepResult {
    return {
      flow: this.flow,
      name: this.name,
      requests: this.requests,
      responses: this.responses,
      statusCodes: this.statusCodes,
      failures: this.failures,
      failed: this.failed,
      latency: summarize(this.histogram),
      histogram: encodeHistogram(this.histogram),
    };
  }
}

/** Counts of one flow: runs started, completed (every step passed), failed, and whole-flow latency. */
export class FlowStats {
  readonly histogram: Histogram = createHistogram();
  started = 0;
  completed = 0;
  failed = 0;

  constructor(readonly name: string) {}

  result(): FlowResult {
    return { name: this.name, started: this.started, completed: this.completed, failed: this.failed, latency: summarize(this.histogram), histogram: encodeHistogram(this.histogram) };
  }
}

/**
 * Smooth weighted round robin (nginx's): weights 3 and 1 give A A B A, A A B A, … exactly in proportion,
 * spread out rather than in bursts.
 */
export function weightedPicker(weights: number[]): () => number {
  const current = weights.map(() => 0);
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let best = 0;
    for (let i = 0; i < weights.length; i++) {
      current[i]! += weights[i]!;
      if (current[i]! > current[best]!) best = i;
    }
    current[best]! -= total;
    return best;
  };
}
