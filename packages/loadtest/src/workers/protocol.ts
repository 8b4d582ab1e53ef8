import type { ResolvedOptions } from '../options/types.js';
import type { LiveSnapshot } from '../runner/live.js';
import type { RunData } from '../runner/run-data.js';

/** What the main thread hands a worker. */
export interface WorkerInput {
  settings: ResolvedOptions;
  /** Epoch ms at which the worker starts sending (all workers share it). */
  startAtEpochMs: number;
  /** Extra delay of this worker's schedule, ms. */
  phaseMs: number;
}

/** Messages from a worker. */
export type WorkerMessage =
  | { type: 'progress'; progress: LiveSnapshot }
  | { type: 'done'; data: RunData }
  | { type: 'error'; message: string };

/** Messages to a worker. */
export type WorkerCommand = { type: 'abort' };
