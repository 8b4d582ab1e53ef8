import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LoadTestOptions } from '@sb/loadtest';
import { LoadtestError } from '@sb/loadtest';

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

/** The `sb load` number and simple flags. */
export type LoadFlags = Partial<Record<'concurrency' | 'duration' | 'requests' | 'rate' | 'timeout' | 'warmup' | 'pipelining' | 'workers', number>> & { method?: string };

/** Numeric and simple flags → library options (pure; the library validates ranges). */
export function toOptions(flags: LoadFlags & { 'expect-rate-limit'?: boolean; 'max-error-rate'?: string }): Partial<LoadTestOptions> {
  const out: Partial<LoadTestOptions> = {};
  for (const key of ['concurrency', 'duration', 'requests', 'rate', 'timeout', 'warmup', 'pipelining', 'workers'] as const) {
    if (flags[key] !== undefined) out[key] = flags[key];
  }
  if (flags.method !== undefined) out.method = flags.method;
  if (flags['expect-rate-limit']) out.expectRateLimit = true;
  if (flags['max-error-rate'] !== undefined) out.maxErrorRate = parseTolerance(flags['max-error-rate'], '--max-error-rate');
  return out;
}
