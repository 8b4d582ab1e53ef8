import { describe, expect, it } from 'vitest';
import { evaluateGate, readBaseline, scan, toBaseline, toSarif, type ScanResult } from '../../../src/index.js';
import { tempProject } from '../../helpers/project.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const APP = `import express from 'express';
import jwt from 'jsonwebtoken';
import { exec } from 'node:child_process';
const app = express();
app.disable('x-powered-by');
app.get('/run', (req, res) => {
  exec('ls ' + req.query.dir); // sb-ignore command-injection: admin-only tool, behind VPN
  exec('cat ' + req.query.file); // sb-ignore command-injection
  exec('du ' + req.query.path);
  res.json(jwt.verify(String(req.query.t), process.env.K as string));
});
`;

describe('reports', () => {
  const dir = tempProject({ 'app.ts': APP });
  let result: ScanResult;

  it('suppresses a finding only when the sb-ignore comment gives a reason, and reports the one without', async () => {
    result = await scan({ paths: [dir], rules: ['command-injection', 'jwt-verify-algorithms'] });
    expect(result.suppressed.map((f) => [f.location.line, f.reason])).toEqual([[7, 'admin-only tool, behind VPN']]);
    expect(result.findings.filter((f) => f.ruleId === 'command-injection').map((f) => f.location.line)).toEqual([8, 9]);
    expect(result.suppressionProblems).toEqual([expect.objectContaining({ file: 'app.ts', line: 8 })]);
  });

  it('writes SARIF 2.1.0 with rule metadata, CWE tags, a code flow and fixes', () => {
    const sarif = toSarif(result.findings, result.rules, result.root) as { version: string; runs: { tool: { driver: { rules: { id: string; properties: { tags: string[] } }[] } }; results: { ruleId: string; codeFlows?: { threadFlows: { locations: unknown[] }[] }[]; fixes?: unknown[] }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run?.tool.driver.rules.find((r) => r.id === 'command-injection')?.properties.tags).toContain('external/cwe/cwe-78');
    const cmd = run?.results.find((r) => r.ruleId === 'command-injection');
    expect(cmd?.codeFlows?.[0]?.threadFlows[0]?.locations.length).toBeGreaterThanOrEqual(2);
    expect(run?.results.find((r) => r.ruleId === 'jwt-verify-algorithms')?.fixes).toHaveLength(1);
  });

  it('writes SARIF paths relative to the repository root when a subfolder of a repository is scanned', async () => {
    const repo = tempProject({ 'services/api/src/app.ts': APP, 'services/api/tsconfig.json': readFileSync(join(dir, 'tsconfig.json'), 'utf8') }, { tsconfig: false });
    mkdirSync(join(repo, '.git'));
    const sub = await scan({ paths: [join(repo, 'services/api/src')], rules: ['command-injection', 'jwt-verify-algorithms'] });
    type Loc = { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } };
    const sarif = toSarif(sub.findings, sub.rules, sub.root) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: Loc[]; fixes?: { artifactChanges: { artifactLocation: { uri: string } }[] }[] }[] }[] };
    const run = sarif.runs[0];
    const base = run?.originalUriBaseIds['%SRCROOT%']?.uri ?? '';
    expect(base).toBe(`file://${repo}/`);
    const uris = run?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(new Set(uris)).toEqual(new Set(['services/api/src/app.ts']));
    expect(run?.results.flatMap((r) => r.fixes ?? []).map((f) => f.artifactChanges[0]?.artifactLocation.uri)).toEqual(['services/api/src/app.ts']);
    // Resolving each URI against %SRCROOT% names the scanned file.
    for (const uri of uris ?? []) expect(existsSync(new URL(uri ?? '', base))).toBe(true);
  });

  it('fails the gate on confirmed findings at or above --fail-on only', () => {
    expect(evaluateGate(result.findings, { failOn: 'critical' }).counted.map((f) => f.ruleId)).toEqual(['command-injection', 'command-injection']);
    expect(evaluateGate(result.findings.filter((f) => f.ruleId === 'jwt-verify-algorithms'), { failOn: 'critical' }).failed).toBe(false);
    expect(evaluateGate(result.findings.filter((f) => f.ruleId === 'jwt-verify-algorithms'), { failOn: 'high' }).failed).toBe(true);
  });

  it('reports only new findings against a baseline written from an earlier scan', async () => {
    const file = join(dir, 'baseline.json');
    writeFileSync(file, JSON.stringify(toBaseline(result.findings.filter((f) => f.location.line === 8))));
    expect(readBaseline(file)?.findings).toHaveLength(1);
    const again = await scan({ paths: [dir], rules: ['command-injection', 'jwt-verify-algorithms'], baseline: file });
    expect(again.baselined.map((f) => f.location.line)).toEqual([8]);
    expect(again.findings.map((f) => f.location.line).sort()).toEqual([10, 9]);
  });
});
