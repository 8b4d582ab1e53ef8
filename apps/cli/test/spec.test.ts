import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const FIXTURES = fileURLToPath(new URL('../../../packages/scaffolder/test/from-routes/fixtures/', import.meta.url));

describe('sb spec', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sb-cli-spec-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the OpenAPI document of a Koa router and lists every route', async () => {
    const out = path.join(dir, 'openapi.yaml');
    const r = await runCli(['spec', path.join(FIXTURES, 'koa'), '--output', out, '--title', 'Books']);
    expect(r.code).toBe(0);
    const yaml = await readFile(out, 'utf8');
    expect(yaml).toMatch(/^openapi: 3\.1\.0\ninfo:\n  title: Books\n/);
    expect(yaml).toContain('\n  /api/books/{isbn}:\n    get:\n      operationId: getBook\n');
    expect(r.stderr).toMatch(/GET \/api\/books\/\{isbn\}\s+getBook/);
    expect(r.stderr).toMatch(/Wrote .*openapi\.yaml: 3 operations on 2 paths, 1 schemas/);
  });

  it('prints the result as JSON and exits 1 with --strict when parts were not inferred', async () => {
    const r = await runCli(['spec', path.join(FIXTURES, 'express'), '--output', path.join(dir, 'x.json'), '--json', '--strict']);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout) as { routes: { path: string; method: string; notInferred: string[] }[] };
    const orders = result.routes.find((x) => x.method === 'POST' && x.path === '/api/orders');
    expect(orders?.notInferred).toContain('request body: read by the handler but its type is not declared');
    expect(JSON.parse(await readFile(path.join(dir, 'x.json'), 'utf8')).openapi).toBe('3.1.0');
  });

  it('exits 2 naming file:line:col when no route file parses, and writes nothing', async () => {
    const out = path.join(dir, 'broken.yaml');
    await mkdir(path.join(dir, 'broken'));
    await writeFile(path.join(dir, 'broken', 'app.ts'), "import express from 'express';\nconst app = express(;\n");
    const r = await runCli(['spec', path.join(dir, 'broken'), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[SCAFFOLD_ROUTES_PARSE\]/);
    expect(r.stderr).toMatch(/broken\/app\.ts:2:\d+: '\)' expected/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
