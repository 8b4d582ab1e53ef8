import { MigratorError } from './errors.js';

/**
 * Throws `MIGRATOR_ABORTED` once `signal` has been aborted. Called before each catalog query, statement,
 * migration, check and workload query, so an abort lands at the next one (a running statement finishes or is
 * rolled back with its transaction).
 */
export function checkAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new MigratorError('MIGRATOR_ABORTED', `${what} was aborted`, { cause: signal.reason });
}
