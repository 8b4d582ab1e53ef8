import { Errors } from '@oclif/core';
import { parseHeaderLines } from '@sb/loadtest';

/** `-H "Name: value"` flags → headers (lower-case names), through @sb/loadtest's one header parser; a bad line exits 2. */
export function headersFromFlags(lines: readonly string[]): Record<string, string> {
  try {
    return parseHeaderLines(lines);
  } catch (err) {
    throw new Errors.CLIError(`--header: ${(err as Error).message}`, { exit: 2 });
  }
}
