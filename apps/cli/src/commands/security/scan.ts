import { writeFileSync } from 'node:fs';
import { Args, Flags } from '@oclif/core';
import type { ScanResult, Severity } from '@sb/security-rules/scan';
import { SbCommand } from '../../base/sb-command.js';
import { formatScanText, visibleFindings } from '../../format/security-scan.js';
import { toScanOptions } from '../../options/security-scan.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

export default class SecurityScan extends SbCommand {
  static override summary = 'Static security review of a Node backend (TypeScript or JavaScript): injection, JWT, rate limits, validation, headers, secrets.';
  static override description = 'Symbol-resolved sinks, taint from request data across functions and files, and a route model of Express, Fastify and Koa apps. Exit 1 when a confirmed finding at or above --fail-on exists, 2 only on usage errors (a missing path, a bad config or tsconfig). Files that do not parse are skipped with a warning and their count; secrets in test, fixture and mock folders are reported at most as low.';
  static override examples = [
    '<%= config.bin %> security scan src/',
    '<%= config.bin %> security scan src/ --format sarif --output results.sarif --fail-on high',
    '<%= config.bin %> security scan src/ --baseline .sb-security-baseline.json --update-baseline',
  ];
  static override strict = false;
  static override args = { path: Args.string({ description: 'Files or directories to scan.', required: true }) };
  static override flags = {
    format: Flags.string({ char: 'f', description: 'Output format.', options: ['text', 'json', 'sarif'], default: 'text' }),
    output: Flags.string({ char: 'o', description: 'Write the report to this file instead of stdout.' }),
    'fail-on': Flags.string({ description: 'Exit 1 when a confirmed finding at or above this severity exists.', options: [...SEVERITIES], default: 'low' }),
    audit: Flags.boolean({ description: 'Also show type-narrowed and pattern findings (the gate still counts confirmed ones).' }),
    baseline: Flags.string({ description: 'Baseline file: findings listed there do not fail the gate.' }),
    'update-baseline': Flags.boolean({ description: 'Write every current finding to the --baseline file.', dependsOn: ['baseline'] }),
    tsconfig: Flags.string({ description: 'tsconfig.json to use (default: the nearest one above the path).' }),
    config: Flags.string({ description: 'Config file with sanitizers, limiters, auth middleware (default: .sb-security.json).' }),
    rule: Flags.string({ description: 'Run only this rule (repeatable).', multiple: true }),
    fix: Flags.boolean({ description: 'Apply the safe autofixes (algorithms, expiresIn, cookie flags, env secrets, pg parameters).' }),
  };

  async run(): Promise<ScanResult> {
    const { flags, argv } = await this.parse(SecurityScan);
    const lib = await import('@sb/security-rules/scan');
    const run = this.startRun();
    const result = await lib.scan(toScanOptions(flags, argv as string[]), run).finally(() => run.end());
    if (flags['update-baseline'] && flags.baseline) writeFileSync(flags.baseline, `${JSON.stringify(lib.toBaseline([...result.findings, ...result.baselined]), null, 2)}\n`);
    const gate = lib.evaluateGate(result.findings, { failOn: flags['fail-on'] as Severity });
    if (flags.fix) {
      const fixed = lib.applyFixes(result.findings.filter((f) => f.fix));
      this.logToStderr(`fixed ${fixed.applied} finding(s) in ${fixed.files.length} file(s)${fixed.skipped ? `, ${fixed.skipped} overlapping fix(es) left for the next run` : ''}`);
    }
    if (!this.jsonEnabled()) {
      const report = flags.format === 'sarif'
        ? JSON.stringify(lib.toSarif(visibleFindings(result, flags.audit), result.rules, result.root), null, 2)
        : flags.format === 'json'
          ? JSON.stringify({ ...result, findings: visibleFindings(result, flags.audit) }, null, 2)
          : formatScanText(result, { audit: flags.audit, failed: gate.failed });
      if (flags.output) {
        writeFileSync(flags.output, `${report}\n`);
        this.log(`wrote ${flags.format} report to ${flags.output}: ${gate.counted.length} confirmed finding(s) at or above ${flags['fail-on']}`);
      } else {
        this.log(report);
      }
    }
    // Files that do not parse are warnings (a real repository holds fragments); the exit code follows the findings.
    const shown = result.parseErrors.slice(0, flags.verbose ? undefined : 5);
    for (const p of shown) this.logToStderr(`warning [SECRULES_PARSE_ERROR]: ${p.file}:${p.line}: ${p.message} (file skipped)`);
    if (result.parseErrors.length > 0) this.logToStderr(`warning: ${result.parseErrors.length} file(s) could not be parsed and were skipped${shown.length < result.parseErrors.length ? ` (${result.parseErrors.length - shown.length} more with --verbose)` : ''}`);
    if (gate.failed && (!flags.fix || gate.counted.some((f) => !f.fix))) this.failCheck();
    return result;
  }
}
