import { setImmediate as nextTurn } from 'node:timers/promises';
import { SecurityRulesError } from './errors.js';

/** The `SECRULES_ABORTED` error for `what` (`scan`, `probe of http://…`), with the abort reason as its cause. */
export function abortError(what: string, signal: AbortSignal): SecurityRulesError {
  return new SecurityRulesError('SECRULES_ABORTED', `${what} was aborted`, { cause: signal.reason });
}

/** Throws `SECRULES_ABORTED` once `signal` has been aborted: called between phases, rules and requests. */
export function checkAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw abortError(what, signal);
}

/**
 * Lets the event loop run (so an abort from a signal handler or a timer can land), then {@link checkAborted}.
 * Synchronous work (parsing, running rules) calls it between items.
 */
export async function yieldAndCheck(signal: AbortSignal | undefined, what: string): Promise<void> {
  if (signal) await nextTurn();
  checkAborted(signal, what);
}
