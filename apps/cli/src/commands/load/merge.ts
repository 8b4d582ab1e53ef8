import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import type { BaselineComparison, MergedLoadTestResult } from '@sb/loadtest';
import { SbCommand } from '../../base/sb-command.js';
import { parseStatusList, parseTolerance } from '../../options/load.js';

/** What `sb load merge --json` prints: the merged result, with its baseline comparison. */
export type LoadMergeResult = MergedLoadTestResult & { baseline?: BaselineComparison };

export default class LoadMerge extends SbCommand {
  static override summary = 'Merge the shards of a distributed load test (exact HDR histogram sums) and check the merged result.';
  static override examples = [
    '<%= config.bin %> load merge shard-*.json',
    '<%= config.bin %> load merge shards.jsonl --max-error-rate 0.5% --baseline baseline.json --html report.html',
  ];
  static override strict = false;
  static override flags = {
    html: Flags.string({ description: 'Write a self-contained HTML report of the merged run here.' }),
    baseline: Flags.string({ description: 'Compare the merged run with a baseline and fail (exit 1) on a significant regression.' }),
    tolerance: Flags.string({ description: 'Regression tolerance for --baseline, e.g. 10 or 10% (default 10%).' }),
    save: Flags.string({ description: 'Save the merged run as a baseline to this file.' }),
    'expect-status': Flags.string({ description: 'Every response must have one of these codes, e.g. 200,204.' }),
    'max-error-rate': Flags.string({ description: 'Fail (exit 1) when more requests fail than this (default: what the shards ran with).' }),
    'expect-rate-limit': Flags.boolean({ description: 'At least one 429 must appear.' }),
  };

  async run(): Promise<LoadMergeResult> {
    const { argv, flags } = await this.parse(LoadMerge);
    const files = argv as string[];
    if (files.length === 0) this.error('no shard file given: sb load merge shard-*.json', { exit: 2 });
    for (const file of [flags.html, flags.save]) {
      if (file && !existsSync(dirname(resolve(file)))) this.error(`cannot write ${file}: directory ${dirname(file)} does not exist`, { exit: 2 });
    }
    const lib = await import('@sb/loadtest');
    const shards = await lib.readShards(files);
    const baseline = flags.baseline ? await lib.readBaseline(flags.baseline) : undefined;
    const merged = lib.mergeShards(shards, {
      ...(flags['expect-status'] ? { expectStatus: parseStatusList(flags['expect-status']) } : {}),
      ...(flags['expect-rate-limit'] ? { expectRateLimit: true } : {}),
      ...(flags['max-error-rate'] === undefined ? {} : { maxErrorRate: parseTolerance(flags['max-error-rate'], '--max-error-rate') }),
    });
    const tolerance = flags.tolerance === undefined ? 0.1 : parseTolerance(flags.tolerance);
    const vs = baseline ? lib.compareToBaseline(baseline, merged, { tolerance }) : undefined;
    if (!this.jsonEnabled()) this.log(`${lib.formatReport(merged, vs ? { baseline: vs } : {})}\n\n${lib.formatShards(merged)}`);
    if (flags.html) {
      await writeFile(flags.html, lib.renderHtmlReport(merged, vs ? { baseline: vs } : {}));
      if (!this.jsonEnabled()) this.log(`HTML report written to ${flags.html}`);
    }
    if (flags.save) await writeFile(flags.save, `${JSON.stringify(lib.createBaseline(merged), null, 2)}\n`);
    if (!merged.passed || (vs && !vs.passed)) this.failCheck();
    return vs ? { ...merged, baseline: vs } : merged;
  }
}
