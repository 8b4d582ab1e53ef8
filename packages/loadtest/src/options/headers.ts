import { LoadtestError } from '../errors.js';

/**
 * Parses `Name: value` header lines (curl style) into a record. A line without a colon is a
 * `LOADTEST_INVALID_OPTION` error naming it.
 */
export function parseHeaderLines(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new LoadtestError('LOADTEST_INVALID_OPTION', `invalid header ${JSON.stringify(line)}: expected "Name: value"`);
    }
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
