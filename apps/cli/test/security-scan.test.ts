import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const TSCONFIG = JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, allowJs: true, noEmit: true, types: [] } });
const VULNERABLE = `import express from 'express';
import helmet from 'helmet';
import jwt from 'jsonwebtoken';
import { exec } from 'node:child_process';
const app = express();
app.use(helmet());
app.get('/run', (req, res) => {
  exec('ls ' + req.query.dir);
  res.json(jwt.verify(String(req.query.t), process.env.K as string));
});
`;
const FIXED = `import express from 'express';
import helmet from 'helmet';
import { execFile } from 'node:child_process';
const app = express();
app.use(helmet());
app.get('/run', (req, res) => {
  execFile('ls', ['--', String(req.query.dir)], () => res.end());
});
`;

let root: string;
const project = (name: string, files: Record<string, string>): string => {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), TSCONFIG);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sb-security-scan-cli-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sb security scan', () => {
  it('prints each confirmed finding with a code frame and the flow, and exits 1', async () => {
    const dir = project('vuln', { 'app.ts': VULNERABLE });
    const r = await runCli(['security', 'scan', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('CRIT command-injection');
    expect(r.stdout).toContain("   8 |   exec('ls ' + req.query.dir);".trimStart());
    expect(r.stdout).toMatch(/\^{10,}/);
    expect(r.stdout).toContain('request data req.query');
    expect(r.stdout).toContain('fix (--fix): Pin algorithms');
    expect(r.stdout).toMatch(/FAIL: 1 files, 1 routes, 2 findings/);
  });

  it('exits 0 on the fixed variant and writes SARIF 2.1.0 to --output', async () => {
    const dir = project('fixed', { 'app.ts': FIXED });
    const out = join(root, 'fixed.sarif');
    const r = await runCli(['security', 'scan', dir, '--format', 'sarif', '--output', out, '--fail-on', 'high']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote sarif report to ${out}: 0 confirmed finding(s) at or above high`);
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { version: string; runs: { results: unknown[]; tool: { driver: { rules: unknown[] } } }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results).toEqual([]);
    expect(sarif.runs[0]?.tool.driver.rules.length).toBeGreaterThanOrEqual(25);
  });

  it('passes against a baseline it wrote, then applies the safe fixes with --fix', async () => {
    const dir = project('baseline', { 'app.ts': VULNERABLE });
    const baseline = join(root, 'baseline.json');
    expect((await runCli(['security', 'scan', dir, '--baseline', baseline, '--update-baseline'])).code).toBe(1);
    const again = await runCli(['security', 'scan', dir, '--baseline', baseline, '--json']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { baselined: unknown[] }).baselined).toHaveLength(2);
    const fixed = await runCli(['security', 'scan', dir, '--fix', '--rule', 'jwt-verify-algorithms']);
    expect(fixed.stderr).toContain('fixed 1 finding(s) in 1 file(s)');
    expect(readFileSync(join(dir, 'app.ts'), 'utf8')).toContain("{ algorithms: ['HS256'] }");
  });

  it('prints one clear line and exits 2 for a path that does not exist', async () => {
    const r = await runCli(['security', 'scan', join(root, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`error [SECRULES_PATH_NOT_FOUND]: path does not exist: ${join(root, 'missing')}`]);
  });

  it('warns about a file that does not parse, scans the rest and lets the findings decide the exit code', async () => {
    const dir = project('broken', { 'app.ts': VULNERABLE, 'broken.ts': 'export const = ;\n' });
    const r = await runCli(['security', 'scan', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/warning \[SECRULES_PARSE_ERROR\]: .*broken\.ts:1: .*\(file skipped\)/);
    expect(r.stderr).toContain('warning: 1 file(s) could not be parsed and were skipped');
    const clean = project('broken-clean', { 'ok.ts': 'export const x = 1;\n', 'broken.ts': 'export const = ;\n' });
    expect((await runCli(['security', 'scan', clean])).code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toHaveLength(2);
  });
});
