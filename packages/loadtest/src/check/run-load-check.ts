import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Baseline, baselineOptions, createBaseline, readBaseline } from '../baseline/baseline.js';
import { compareToBaseline } from '../baseline/compare-to-baseline.js';
import { compareEndpoints } from '../compare/compare-endpoints.js';
import { LoadtestError } from '../errors.js';
import type { LoadTestContext, LoadTestOptions } from '../options/types.js';
import { renderHtmlReport } from '../report/html.js';
import { runLoadTest } from '../run-load-test.js';
import { readScenario } from '../scenario/load-scenario.js';
import { runScenario } from '../scenario/run-scenario.js';
import type { LoadCheck, LoadCheckOptions, WrittenFiles } from './types.js';

function usage(message: string): never {
  throw new LoadtestError('LOADTEST_INVALID_OPTION', message);
}

/** Splits the check options into the load options of one URL. */
function loadOptions(options: LoadCheckOptions, url: string): LoadTestOptions {
  const { url: _u, compareUrl: _c, scenario: _s, baseline: _b, tolerance: _t, save: _v, html: _h, data: _d, dataMode: _m, cwd: _w, source: _o, ...rest } = options;
  return { ...rest, url };
}

/**
 * The one entry of `sb load`: runs one URL, compares two URLs, or runs a scenario; compares with a baseline;
 * evaluates every expectation; writes the HTML report and the baseline file asked for; returns one typed result
 * whose `passed` decides the exit code. Bad options (and unreadable files) throw `LoadtestError` before any
 * request; what the server does is in the result.
 *
 * @example
 * ```ts
 * const check = await runLoadCheck({ url: 'http://127.0.0.1:3000/users', rate: 500, duration: 30, baseline: 'baseline.json', html: 'report.html' });
 * process.stdout.write(formatLoadCheck(check));
 * if (!check.passed) process.exitCode = 1;
 * ```
 */
export async function runLoadCheck(options: LoadCheckOptions, ctx: LoadTestContext = {}): Promise<LoadCheck> {
  const cwd = options.cwd ?? process.cwd();
  if ((options.url === undefined) === (options.scenario === undefined)) usage('give either a URL or a scenario');
  if (options.compareUrl !== undefined && (options.baseline !== undefined || options.save !== undefined)) usage('--save and --baseline take one URL, not two');
  if (options.compareUrl !== undefined && (options.segment !== undefined || options.out !== undefined)) usage('--segment and --out take one URL, not two');
  if (options.scenario !== undefined && (options.segment !== undefined || options.out !== undefined || options.http2 || options.tls)) {
    usage('--segment, --out, --http2 and TLS flags take one URL; a scenario runs on this machine over HTTP/1.1 for now');
  }
  if (options.scenario !== undefined && (options.compareUrl !== undefined || options.baseline !== undefined || options.save !== undefined)) {
    usage('a scenario cannot be compared, saved or checked against a baseline yet: run it with --expect-status and --max-error-rate');
  }
  const written: WrittenFiles = {};
  const write = async (key: keyof WrittenFiles, path: string | undefined, text: () => string): Promise<void> => {
    if (path === undefined) return;
    const full = resolve(cwd, path);
    await writeFile(full, text());
    written[key] = full;
  };

  if (options.scenario !== undefined) {
    const source = typeof options.scenario === 'string' ? options.scenario : (options.source ?? 'scenario');
    const scenario = typeof options.scenario === 'string' ? await readScenario(options.scenario, cwd) : options.scenario;
    const { url: _u, compareUrl: _c, baseline: _b, tolerance: _t, save: _v, html: _h, scenario: _s, ...rest } = options;
    const result = await runScenario({ ...rest, scenario, source, cwd } as Parameters<typeof runScenario>[0], ctx);
    await write('html', options.html, () => renderHtmlReport(result));
    return { kind: 'scenario', passed: result.passed, result, written };
  }

  if (options.compareUrl !== undefined) {
    const { workers: _workers, ...rest } = loadOptions(options, options.url!);
    const { url: first, ...others } = rest;
    const comparison = await compareEndpoints({ ...others, urls: [first, options.compareUrl] }, ctx);
    await write('html', options.html, () => renderHtmlReport(comparison));
    return { kind: 'compare', passed: comparison.a.passed && comparison.b.passed, comparison, written };
  }

  const baseline: Baseline | undefined = typeof options.baseline === 'string' ? await readBaseline(resolve(cwd, options.baseline)) : options.baseline;
  const own = loadOptions(options, options.url!);
  const run = baseline ? { ...baselineOptions(baseline, own.url), ...stripUndefined(own) } : own;
  const result = await runLoadTest(run, ctx);
  const vs = baseline ? compareToBaseline(baseline, result, { tolerance: options.tolerance ?? 0.1 }) : undefined;
  await write('html', options.html, () => renderHtmlReport(result, vs ? { baseline: vs } : {}));
  const saved = options.save === undefined ? undefined : (result.shard ?? createBaseline(result));
  if (options.save !== '-') await write('saved', options.save, () => `${JSON.stringify(saved, null, 2)}\n`);
  return { kind: 'run', passed: result.passed && (vs?.passed ?? true), result, ...(vs ? { baseline: vs } : {}), written, ...(options.save === '-' ? { saved: saved! } : {}) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
