import { setImmediate as nextTurn } from 'node:timers/promises';
import { ScaffoldError } from './errors.js';

/**
 * Throws `SCAFFOLD_ABORTED` once `signal` has been aborted. Every pipeline calls it between its stages (and per
 * route, per table), so an abort takes effect at the next step, before anything is written.
 */
export function checkAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw abortError(what, signal.reason);
}

/** The `SCAFFOLD_ABORTED` error for `what` (`scaffold`, `spec`…), with the abort reason as its cause. */
export function abortError(what: string, cause?: unknown): ScaffoldError {
  return new ScaffoldError('SCAFFOLD_ABORTED', `${what} was aborted; nothing was written`, cause === undefined ? undefined : { cause });
}

/**
 * Lets the event loop run (so an abort from a signal handler or a timer can land), then {@link checkAborted}.
 * Long synchronous loops (route inference) call it between items.
 */
export async function yieldAndCheck(signal: AbortSignal | undefined, what: string): Promise<void> {
  if (signal) await nextTurn();
  checkAborted(signal, what);
}
