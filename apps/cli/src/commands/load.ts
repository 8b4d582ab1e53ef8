import { Args, Flags } from '@oclif/core';
import type { LoadCheck } from '@sb/loadtest';
import { SbCommand } from '../base/sb-command.js';
import { numberFlag } from '../options/number-flag.js';
import { toOptions } from '../options/load.js';
import { savedText, scaleFlags } from '../options/load-scale.js';

export default class Load extends SbCommand {
  static override summary = 'HTTP load test: one URL, two URLs compared, or a scenario of steps; closed (--concurrency) or open (--rate) model; baselines for CI.';
  static override examples = [
    '<%= config.bin %> load http://127.0.0.1:3000/users --concurrency 50 --duration 30',
    '<%= config.bin %> load http://127.0.0.1:3000/users --rate 1000 --duration 30',
    '<%= config.bin %> load http://127.0.0.1:3000/v1/users http://127.0.0.1:3000/v2/users --duration 30',
    '<%= config.bin %> load http://127.0.0.1:3000/users --baseline baseline.json',
    '<%= config.bin %> load --scenario flow.yaml --requests 50 --data users.csv',
  ];
  static override args = {
    url: Args.string({ description: 'URL to load (not with --scenario).' }),
    compare: Args.string({ description: 'A second URL: both are measured in alternating slices and compared.' }),
  };
  static override flags = {
    scenario: Flags.string({ description: 'Run a scenario of steps (.yaml, .json, or a .js/.ts module) instead of one URL.' }),
    data: Flags.string({ description: 'Scenario data rows (.csv with a header line, or .json array): columns become {{variables}}.' }),
    'data-mode': Flags.string({ description: 'per-vu: virtual user i uses row i (default); round-robin: each flow run takes the next row.', options: ['per-vu', 'round-robin'] }),
    concurrency: numberFlag({ char: 'c', description: 'Connections (closed model, default 10) or virtual users (scenario); with --rate, the cap in flight.' }),
    duration: numberFlag({ char: 'd', description: 'Seconds to measure (default 10).' }),
    requests: numberFlag({ char: 'n', description: 'Stop after this many requests (scenario: flow runs) instead.' }),
    rate: numberFlag({ char: 'r', description: 'Open model: requests (scenario: flow starts) per second, evenly spread.' }),
    method: Flags.string({ char: 'm', description: 'HTTP method (default GET).' }),
    header: Flags.string({ char: 'H', description: '"Name: value" (repeatable).', multiple: true }),
    body: Flags.string({ char: 'b', description: 'Request body, or @file to read it from a file.' }),
    timeout: numberFlag({ description: 'Per-request timeout in ms (default 10000).' }),
    warmup: numberFlag({ description: 'Seconds of unrecorded load before measuring.' }),
    pipelining: numberFlag({ description: 'Requests pipelined per connection (default 1).' }),
    workers: numberFlag({ description: 'Worker threads sharing the load (histograms merged).' }),
    html: Flags.string({ description: 'Write a self-contained HTML report here (the path is printed).' }),
    save: Flags.string({ description: 'Save the run as a baseline (settings + histogram) to this file; with --segment, the shard to merge (- prints it as one line).' }),
    baseline: Flags.string({ description: 'Re-run a saved baseline and fail (exit 1) on a significant regression.' }),
    tolerance: Flags.string({ description: 'Regression tolerance for --baseline, e.g. 10 or 10% (default 10%).' }),
    'max-error-rate': Flags.string({ description: 'Fail (exit 1) when more requests fail than this: transport errors and 5xx (default 1%).' }),
    'expect-status': Flags.string({ description: 'Every response must have one of these codes, e.g. 400 or 200,204 (scenario: steps that set none).' }),
    'expect-rate-limit': Flags.boolean({ description: 'At least one 429 must appear (429s are then not offenders).' }),
    ...scaleFlags,
  };

  async run(): Promise<LoadCheck> {
    const { args, flags } = await this.parse(Load);
    const options = await toOptions(args, flags);
    const { runLoadCheck, formatLoadCheck } = await import('@sb/loadtest');
    const run = this.startRun();
    const check = await runLoadCheck(options, run).finally(() => run.end());
    if (!this.jsonEnabled()) this.log(formatLoadCheck(check).trimEnd());
    // `--save -`: the shard (or baseline) as one JSON line on stdout, for `kubectl logs` and `sb load merge`.
    if (check.kind === 'run' && check.saved !== undefined) process.stdout.write(savedText(check.saved, '-'));
    if (!check.passed) this.failCheck();
    return check;
  }
}
