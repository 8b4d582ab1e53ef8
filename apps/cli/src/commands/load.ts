import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import type { BaselineComparison, EndpointComparison, LoadTestOptions, LoadTestResult } from '@sb/loadtest';
import { SbCommand } from '../base/sb-command.js';
import { numberFlag } from '../format/load-flags.js';
import { formatLoadProgress } from '../format/load-progress.js';
import { ProgressLine } from '../format/progress-line.js';
import { loadBody, parseStatusList, parseTolerance, toOptions } from '../options/load.js';
import { savedText, scaleFlags, scaleOptions } from '../options/load-scale.js';

/** What `sb load --json` prints: one run (with its baseline comparison), or a two-URL comparison. */
export type LoadCommandResult = (LoadTestResult & { baseline?: BaselineComparison }) | EndpointComparison;

export default class Load extends SbCommand {
  static override summary = 'HTTP load test: closed model (--concurrency) or open model (--rate); compare two URLs; baselines for CI.';
  static override examples = [
    '<%= config.bin %> load http://127.0.0.1:3000/users --concurrency 50 --duration 30',
    '<%= config.bin %> load http://127.0.0.1:3000/users --rate 1000 --duration 30',
    '<%= config.bin %> load http://127.0.0.1:3000/v1/users http://127.0.0.1:3000/v2/users --duration 30',
    '<%= config.bin %> load http://127.0.0.1:3000/users --baseline baseline.json',
  ];
  static override args = {
    url: Args.string({ description: 'URL to load.', required: true }),
    compare: Args.string({ description: 'A second URL: both are measured in alternating slices and compared.' }),
  };
  static override flags = {
    concurrency: numberFlag({ char: 'c', description: 'Connections (closed model, default 10); with --rate, the cap on connections.' }),
    duration: numberFlag({ char: 'd', description: 'Seconds to measure (default 10).' }),
    requests: numberFlag({ char: 'n', description: 'Stop after this many requests instead.' }),
    rate: numberFlag({ char: 'r', description: 'Open model: requests per second, evenly spread.' }),
    method: Flags.string({ char: 'm', description: 'HTTP method (default GET).' }),
    header: Flags.string({ char: 'H', description: '"Name: value" (repeatable).', multiple: true }),
    body: Flags.string({ char: 'b', description: 'Request body, or @file to read it from a file.' }),
    timeout: numberFlag({ description: 'Per-request timeout in ms (default 10000).' }),
    warmup: numberFlag({ description: 'Seconds of unrecorded load before measuring.' }),
    pipelining: numberFlag({ description: 'Requests pipelined per connection (default 1).' }),
    workers: numberFlag({ description: 'Worker threads sharing the load (histograms merged).' }),
    html: Flags.string({ description: 'Write a self-contained HTML report here.' }),
    save: Flags.string({ description: 'Save the run as a baseline (settings + histogram) to this file; with --segment, the shard to merge (- prints it as one line).' }),
    baseline: Flags.string({ description: 'Re-run a saved baseline and fail (exit 1) on a significant regression.' }),
    tolerance: Flags.string({ description: 'Regression tolerance for --baseline, e.g. 10 or 10% (default 10%).' }),
    'expect-status': Flags.string({ description: 'Every response must have one of these codes, e.g. 400 or 200,204.' }),
    'max-error-rate': Flags.string({ description: 'Fail (exit 1) when more requests fail than this: transport errors and 5xx (default 1%).' }),
    'expect-rate-limit': Flags.boolean({ description: 'At least one 429 must appear (429s are then not offenders).' }),
    ...scaleFlags,
  };

  async run(): Promise<LoadCommandResult> {
    const { args, flags } = await this.parse(Load);
    if (args.compare && (flags.baseline || flags.save)) this.error('--save and --baseline take one URL, not two', { exit: 2 });
    if (args.compare && (flags.segment || flags.out)) this.error('--segment and --out take one URL, not two', { exit: 2 });
    for (const file of [flags.html, flags.save === '-' ? undefined : flags.save]) {
      if (file && !existsSync(dirname(resolve(file)))) this.error(`cannot write ${file}: directory ${dirname(file)} does not exist`, { exit: 2 });
    }
    const lib = await import('@sb/loadtest');
    const baseline = flags.baseline ? await lib.readBaseline(flags.baseline) : undefined;
    const options: LoadTestOptions = {
      ...(baseline ? lib.baselineOptions(baseline, args.url) : { url: args.url }),
      ...toOptions(flags),
      ...scaleOptions(flags, lib.parseSegment),
      ...(flags.header ? { headers: lib.parseHeaderLines(flags.header) } : {}),
      ...(flags.body === undefined ? {} : { body: await loadBody(flags.body) }),
      ...(flags['expect-status'] ? { expectStatus: parseStatusList(flags['expect-status']) } : {}),
    };
    const tolerance = flags.tolerance === undefined ? 0.1 : parseTolerance(flags.tolerance);
    const progress = new ProgressLine(this.interactive);
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    const ctx = { signal: controller.signal, onProgress: (p: Parameters<typeof formatLoadProgress>[0]) => progress.update(formatLoadProgress(p)) };
    try {
      if (args.compare) {
        const { workers: _workers, ...rest } = options;
        const comparison = await lib.compareEndpoints({ ...rest, urls: [args.url, args.compare] }, ctx);
        progress.done();
        if (!this.jsonEnabled()) this.log(lib.formatComparison(comparison));
        if (flags.html) await writeFile(flags.html, lib.renderHtmlReport(comparison));
        if (!comparison.a.passed || !comparison.b.passed) this.failCheck();
        return comparison;
      }
      const result = await lib.runLoadTest(options, ctx);
      progress.done();
      const vs = baseline ? lib.compareToBaseline(baseline, result, { tolerance }) : undefined;
      if (!this.jsonEnabled()) this.log(lib.formatReport(result, vs ? { baseline: vs } : {}));
      if (flags.html) await writeFile(flags.html, lib.renderHtmlReport(result, vs ? { baseline: vs } : {}));
      if (flags.save) {
        const text = savedText(result.shard ?? lib.createBaseline(result), flags.save);
        if (flags.save === '-') process.stdout.write(text);
        else await writeFile(flags.save, text);
      }
      if (!result.passed || (vs && !vs.passed)) this.failCheck();
      return vs ? { ...result, baseline: vs } : result;
    } finally {
      progress.done();
      process.removeListener('SIGINT', onSigint);
    }
  }
}
