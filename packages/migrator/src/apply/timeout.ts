import { MigratorError } from '../errors.js';
import { quoteLiteral } from '../sql/quote.js';

const INTERVAL = /^\d+(\.\d+)?\s*(ms|s|min|h|d)?$/;

/**
 * Validates a `lock_timeout`/`statement_timeout` value (`5s`, `500ms`, `2min`, `0` = none) and returns it
 * as a SQL literal. Anything else is refused, so the value can never inject SQL.
 */
export function timeoutLiteral(value: string | number, flag: string): string {
  const text = typeof value === 'number' ? `${value}ms` : value.trim();
  if (!INTERVAL.test(text)) {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `${flag}: "${String(value)}" is not a duration (e.g. 5s, 500ms, 2min, 0 for none)`);
  }
  return quoteLiteral(text);
}
