import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Errors } from '@oclif/core';
import type { LoadCheckOptions } from '@sb/loadtest';
import { LoadtestError, parseSegment } from '@sb/loadtest';
import { type ScaleFlags, scaleOptions } from './load-scale.js';
import { headersFromFlags } from './headers.js';

/**
 * A request body from the command line: `@path` reads the file (relative to `cwd`), anything else is the body
 * itself. A missing file is a `LOADTEST_BODY_FILE` error naming the path.
 */
export async function loadBody(arg: string, cwd = process.cwd()): Promise<string | Buffer> {
  if (!arg.startsWith('@')) return arg;
  const path = resolve(cwd, arg.slice(1));
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new LoadtestError('LOADTEST_BODY_FILE', `cannot read body file ${arg.slice(1)} (${code})`, { cause: err });
  }
}

/** Parses `400` or `200,204` into status codes; anything else is a `LOADTEST_INVALID_OPTION` error. */
export function parseStatusList(list: string): number[] {
  return list.split(',').map((part) => {
    const code = Number(part.trim());
    if (!/^\d{3}$/.test(part.trim()) || code < 100 || code > 599) {
      throw new LoadtestError('LOADTEST_INVALID_OPTION', `invalid status code ${JSON.stringify(part.trim())} in --expect-status ${JSON.stringify(list)}`);
    }
    return code;
  });
}

/** Parses a percentage: `10`, `10%` or `0.1` all mean 10% (`what` names the flag in errors). */
export function parseTolerance(value: string, what = 'tolerance'): number {
  const n = Number(value.trim().replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new LoadtestError('LOADTEST_INVALID_OPTION', `invalid ${what} ${JSON.stringify(value)}: expected a percentage like 10 or 10%`);
  return value.includes('%') || n >= 1 ? n / 100 : n;
}

/** The `sb load` flags, as oclif parses them. */
export interface LoadFlags extends ScaleFlags {
  scenario?: string | undefined;
  data?: string | undefined;
  'data-mode'?: string | undefined;
  concurrency?: number | undefined;
  duration?: number | undefined;
  requests?: number | undefined;
  rate?: number | undefined;
  timeout?: number | undefined;
  warmup?: number | undefined;
  pipelining?: number | undefined;
  workers?: number | undefined;
  method?: string | undefined;
  header?: string[] | undefined;
  body?: string | undefined;
  html?: string | undefined;
  save?: string | undefined;
  baseline?: string | undefined;
  tolerance?: string | undefined;
  'max-error-rate'?: string | undefined;
  'expect-status'?: string | undefined;
  'expect-rate-limit'?: boolean | undefined;
}

/**
 * Flags → the options of `runLoadCheck` (the library validates ranges and files). Usage errors that only the
 * command line can make (a scenario and a URL, nothing at all, a missing `@body` file) are thrown here.
 */
export async function toOptions(args: { url?: string | undefined; compare?: string | undefined }, flags: LoadFlags): Promise<LoadCheckOptions> {
  if (flags.scenario !== undefined && args.url !== undefined) throw new Errors.CLIError('give a URL or --scenario, not both', { exit: 2 });
  if (flags.scenario === undefined && args.url === undefined) throw new Errors.CLIError('give a URL to load, or --scenario FILE', { exit: 2 });
  for (const file of [flags.html, flags.save === '-' ? undefined : flags.save]) {
    if (file && !existsSync(dirname(resolve(file)))) throw new Errors.CLIError(`cannot write ${file}: directory ${dirname(file)} does not exist`, { exit: 2 });
  }
  const out: LoadCheckOptions = flags.scenario === undefined ? { url: args.url! } : { scenario: flags.scenario };
  if (args.compare !== undefined) out.compareUrl = args.compare;
  for (const key of ['concurrency', 'duration', 'requests', 'rate', 'timeout', 'warmup', 'pipelining', 'workers'] as const) {
    if (flags[key] !== undefined) out[key] = flags[key];
  }
  for (const key of ['data', 'html', 'save', 'baseline'] as const) if (flags[key] !== undefined) out[key] = flags[key];
  if (flags['data-mode'] !== undefined) out.dataMode = flags['data-mode'] as 'per-vu' | 'round-robin';
  if (flags.method !== undefined) out.method = flags.method;
  if (flags.header) out.headers = headersFromFlags(flags.header);
  if (flags.body !== undefined) out.body = await loadBody(flags.body);
  if (flags['expect-status']) out.expectStatus = parseStatusList(flags['expect-status']);
  if (flags['expect-rate-limit']) out.expectRateLimit = true;
  if (flags['max-error-rate'] !== undefined) out.maxErrorRate = parseTolerance(flags['max-error-rate'], '--max-error-rate');
  if (flags.tolerance !== undefined) out.tolerance = parseTolerance(flags.tolerance);
  return { ...out, ...scaleOptions(flags, parseSegment) };
}
