import { Errors, Flags } from '@oclif/core';

/** A number flag: the value must parse as a finite number (range checks are the library's). Else exit 2. */
export const numberFlag = Flags.custom<number>({
  parse: async (input: string) => {
    const value = Number(input);
    if (input.trim() === '' || !Number.isFinite(value)) throw new Errors.CLIError(`expected a number, got ${JSON.stringify(input)}`, { exit: 2 });
    return value;
  },
});
