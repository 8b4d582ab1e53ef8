import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecurityRulesError } from '../../src/index.js';
import { readSpecOperations } from '../../src/probe/spec/spec-operations.js';
import { casesFor } from '../../src/probe/validation/cases.js';
import { SPEC } from './verdicts.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-probe-spec-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fixture(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function errorOf(spec: string): Promise<{ code: string; message: string }> {
  const err = await readSpecOperations(spec).catch((e: unknown) => e);
  if (!SecurityRulesError.is(err)) throw new Error(`expected a SecurityRulesError, got ${String(err)}`);
  return { code: err.code, message: err.message };
}

describe('spec', () => {
  it('lists operations with $refs resolved and path parameters required', async () => {
    const ops = await readSpecOperations(SPEC);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(['GET /users', 'POST /users', 'GET /users/{id}']);
    expect(ops[1]?.body?.required).toEqual(['name', 'email']);
    expect(ops[2]?.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }]);
  });

  it('builds bounded invalid cases with a raw __proto__ key and filled path parameters', async () => {
    const [list, post, get] = await readSpecOperations(SPEC);
    const cases = casesFor(post!, 4096);
    expect(cases.map((c) => c.kind)).toEqual(['wrong-type', 'wrong-type', 'wrong-type', 'missing-required', 'missing-required', 'not-an-object', 'extra-field', 'proto', 'oversized']);
    const proto = cases.find((c) => c.kind === 'proto')!;
    expect(Object.keys(JSON.parse(proto.body!) as object)).toContain('__proto__');
    expect(JSON.parse(cases.find((c) => c.kind === 'missing-required')!.body!)).toEqual({ age: 1, email: 'sb-probe@example.com' });
    expect(cases.find((c) => c.kind === 'oversized')!.body!.length).toBeGreaterThan(4096);
    expect(casesFor(get!, 4096)).toEqual([{ kind: 'bad-param', label: 'path id=not-a-number', method: 'GET', path: '/users/not-a-number', body: undefined }]);
    // An optional query parameter is only sent in the case that malforms it.
    expect(casesFor(list!, 4096)).toEqual([{ kind: 'bad-param', label: 'query limit=not-a-number', method: 'GET', path: '/users?limit=not-a-number', body: undefined }]);
  });

  it('cuts recursive schemas instead of looping', async () => {
    const file = join(dir, 'recursive.json');
    await writeFile(file, JSON.stringify({
      openapi: '3.1.0',
      paths: { '/nodes': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } } } },
      components: { schemas: { Node: { type: 'object', properties: { name: { type: 'string' }, child: { $ref: '#/components/schemas/Node' } } } } },
    }));
    const [op] = await readSpecOperations(file);
    expect(op?.body?.properties?.['name']).toEqual({ type: 'string' });
    expect(op?.body?.properties?.['child']).toEqual({});
    expect(casesFor(op!, 2048).length).toBeGreaterThan(3);
  });

  it('names the missing file', async () => {
    expect(await errorOf(join(dir, 'nope.yaml'))).toEqual({ code: 'SECRULES_SPEC_INVALID', message: `cannot read spec ${join(dir, 'nope.yaml')}: no such file` });
  });

  it('names the file and line of a YAML syntax error', async () => {
    const file = join(dir, 'broken.yaml');
    await writeFile(file, 'openapi: 3.0.0\npaths:\n  /a:\n    get: [unclosed\n');
    const { code, message } = await errorOf(file);
    expect(code).toBe('SECRULES_SPEC_INVALID');
    expect(message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ #: not valid YAML/JSON: `));
  });

  it('refuses a document that is not OpenAPI 3.0/3.1, naming the conversion for Swagger 2.0', async () => {
    const file = join(dir, 'swagger.yaml');
    await writeFile(file, 'swagger: "2.0"\npaths: {}\n');
    const swagger = await errorOf(file);
    expect(swagger.code).toBe('SECRULES_SPEC_INVALID');
    expect(swagger.message).toMatch(/^.*swagger\.yaml:1:1 #\/swagger: this is a Swagger 2\.0 document; .*swagger2openapi/);
    const noVersion = await fixture('no-version.yaml', 'paths: {}\n');
    expect(await errorOf(noVersion)).toEqual({ code: 'SECRULES_SPEC_INVALID', message: `${noVersion}:1:1 #: missing \`openapi\` version field (expected 3.0.x or 3.1.x)` });
  });

  it('names a spec without paths', async () => {
    const file = await fixture('no-paths.yaml', 'openapi: 3.1.0\nwebhooks: {}\n');
    expect(await errorOf(file)).toEqual({ code: 'SECRULES_SPEC_INVALID', message: `${file}: "paths" is missing or not an object` });
  });

  it('bundles $refs to other files instead of reading them as {}', async () => {
    await fixture('schemas.yaml', 'User:\n  type: object\n  required: [name]\n  properties:\n    name: {type: string}\n');
    const file = await fixture('multi.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /users:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: "./schemas.yaml#/User"}\n      responses: {"201": {description: created}}\n');
    const [op] = await readSpecOperations(file);
    expect(op?.body).toEqual({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } });
  });
});
