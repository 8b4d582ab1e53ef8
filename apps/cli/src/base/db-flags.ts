import { Flags } from '@oclif/core';

/** `--connection`/`-c` for the commands that work on one live database: a postgres:// URL, or DATABASE_URL. */
export const connectionFlag = Flags.string({
  char: 'c',
  description: 'postgres:// URL (or DATABASE_URL).',
  env: 'DATABASE_URL',
  required: true,
});
