import type { Progress, RunControl } from '@sb/errors';
import { ProgressLine } from '../format/progress-line.js';

/**
 * The `{ signal, onProgress }` of one long-running library call, the same for every command: Ctrl-C aborts the
 * call (a second Ctrl-C kills the process), and progress is drawn as one line on stderr when interactive.
 * Pass the session itself as the call's second argument; `end()` once the call settled.
 *
 * @example
 * ```ts
 * const run = this.startRun();
 * const result = await scan(options, run).finally(() => run.end());
 * ```
 */
export class RunSession implements RunControl {
  readonly signal: AbortSignal;
  readonly onProgress: (progress: Progress) => void;
  readonly #controller = new AbortController();
  readonly #line: ProgressLine;
  readonly #onSigint = (): void => this.#controller.abort();

  constructor(interactive: boolean) {
    this.signal = this.#controller.signal;
    this.#line = new ProgressLine(interactive);
    this.onProgress = this.#line.show;
    process.once('SIGINT', this.#onSigint);
  }

  /** Clears the progress line and stops listening for Ctrl-C. */
  end(): void {
    this.#line.done();
    process.off('SIGINT', this.#onSigint);
  }
}
