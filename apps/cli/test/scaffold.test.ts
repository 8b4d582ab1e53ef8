import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOptions } from '../src/commands/scaffold.js';
import { runCli } from './helpers/run-cli.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/openapi/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../packages/scaffolder/test/fixtures/', import.meta.url));
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sb-scaffold-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('sb scaffold', () => {
  it('maps flags to library options', () => {
    expect(toOptions('a.yaml', { framework: 'koa', output: 'out', 'dry-run': true })).toEqual({ spec: 'a.yaml', framework: 'koa', output: 'out', dryRun: true, noCache: false });
    expect(toOptions('a.yaml', { framework: 'express', output: 'out', 'no-cache': true })).toMatchObject({ dryRun: false, noCache: true });
  });

  it('generates routes, validators, types and handlers and says what to implement', async () => {
    const out = path.join(dir, 'routes');
    const r = await runCli(['scaffold', path.join(EXAMPLES, 'petstore-3.0.yaml'), '--framework', 'express', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Generated 3 route handlers, validation middleware, and TypeScript types \(.*routes\/…\) for express from OpenAPI 3\.0/);
    expect(r.stdout).toContain('handlers/pets.ts  listPets  GET /pets');
    expect(await readFile(path.join(out, 'routes.gen.ts'), 'utf8')).toContain('["get", "/pets/:p0", T.showPetById, ["petId"]],');
    const again = await runCli(['scaffold', path.join(EXAMPLES, 'petstore-3.0.yaml'), '-f', 'express', '-o', out, '--json']);
    const json = JSON.parse(again.stdout) as { files: { status: string }[]; handlers: { existing: unknown[] } };
    expect(json.files.every((f) => f.status === 'unchanged')).toBe(true);
    expect(json.handlers.existing).toHaveLength(3);
  });

  it('exits 2 listing every problem of an invalid spec, and writes nothing', async () => {
    const out = path.join(dir, 'invalid');
    const r = await runCli(['scaffold', path.join(FIXTURES, 'invalid.yaml'), '-f', 'fastify', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error [SCAFFOLD_INVALID_SPEC]: the spec has 8 problems');
    expect(r.stderr).toMatch(/invalid\.yaml:17:7 #\/paths\/~1pets\/get\/operationId: duplicate operationId/);
    expect(r.stderr).not.toContain('    at ');
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });

  it('exits 2 naming the conversion for Swagger 2.0, with --json', async () => {
    const r = await runCli(['scaffold', path.join(FIXTURES, 'swagger2.json'), '-f', 'koa', '-o', path.join(dir, 'x'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'SCAFFOLD_SWAGGER2' } });
  });
});
