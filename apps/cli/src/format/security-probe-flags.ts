import { Errors, Flags } from '@oclif/core';

/** A whole-number flag (range checks are the library's); anything else exits 2. */
export const probeIntFlag = Flags.custom<number>({
  parse: async (input: string) => {
    const value = Number(input);
    if (!/^\d+$/.test(input.trim()) || !Number.isSafeInteger(value)) throw new Errors.CLIError(`expected a whole number, got ${JSON.stringify(input)}`, { exit: 2 });
    return value;
  },
});

/** `--login-body` JSON text → value; invalid JSON exits 2. */
export function parseLoginBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Errors.CLIError(`--login-body is not valid JSON: ${(err as Error).message}`, { exit: 2 });
  }
}
