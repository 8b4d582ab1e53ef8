import { LoadtestError } from '../errors.js';

/**
 * Parses `Name: value` header lines (curl's `-H` syntax) into a record with **lower-case names** (HTTP names are
 * case-insensitive; lower case is what HTTP/2 sends and what merges without duplicates). The value is trimmed;
 * a later line with the same name replaces an earlier one. A line without a name before its colon is a
 * `LOADTEST_INVALID_OPTION` error naming it. This is the one header parser of sb (`sb load -H`, `sb security probe -H`,
 * scenario files).
 *
 * @example
 * ```ts
 * parseHeaderLines(['Authorization: Bearer x', 'Content-Type: application/json']);
 * // { authorization: 'Bearer x', 'content-type': 'application/json' }
 * ```
 */
export function parseHeaderLines(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(0, colon)).trim().toLowerCase();
    if (colon <= 0 || name === '') {
      throw new LoadtestError('LOADTEST_INVALID_OPTION', `invalid header ${JSON.stringify(line)}: expected "Name: value"`);
    }
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}
