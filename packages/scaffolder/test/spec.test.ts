import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidSpecError, scaffold, ScaffoldError, type ScaffoldOptions } from '../src/index.js';
import { cleanup, EXAMPLES, freshDir } from './support/generate.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const dirs: string[] = [];
afterAll(() => cleanup(dirs));

async function failure(spec: ScaffoldOptions['spec']): Promise<{ err: ScaffoldError; output: string }> {
  const output = await freshDir('bad');
  dirs.push(output);
  const err = await scaffold({ spec, framework: 'express', output }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!ScaffoldError.is(err)) throw new Error(`expected a ScaffoldError, got ${String(err)}`);
  return { err, output };
}

describe('loading a spec', () => {
  it('reports every problem of an invalid spec with its pointer and file:line, and writes nothing', async () => {
    const { err, output } = await failure(path.join(FIXTURES, 'invalid.yaml'));
    expect(err.code).toBe('SCAFFOLD_INVALID_SPEC');
    const problems = (err as InvalidSpecError).problems.map((p) => `${p.location?.line ?? '?'} ${p.pointer}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '2 #/info/version',
        '6 #/paths/~1pets~1{petId}/get',
        '14 #/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema/$ref',
        '16 #/paths/~1pets/get/responses',
        '17 #/paths/~1pets/get/operationId',
        '19 #/paths/~1pets/get/parameters/0',
        '22 #/paths/~1pets/get/parameters/0/schema/type',
        '23 #/paths/~1pets/post/responses',
      ]),
    );
    expect(err.message.split('\n')[0]).toMatch(/the spec has \d+ problems/);
    expect(err.message).toContain('invalid.yaml:17:');
    await expect(stat(output)).rejects.toThrow(/ENOENT/);
  });

  it('reports a YAML syntax error with its line', async () => {
    const { err } = await failure(path.join(FIXTURES, 'broken-syntax.yaml'));
    expect(err.code).toBe('SCAFFOLD_SPEC_PARSE');
    expect((err as InvalidSpecError).problems[0]?.location?.line).toBeGreaterThanOrEqual(7);
  });

  it('names the conversion to do for a Swagger 2.0 document', async () => {
    const { err } = await failure(path.join(FIXTURES, 'swagger2.json'));
    expect(err.code).toBe('SCAFFOLD_SWAGGER2');
    expect(err.message).toContain('swagger2openapi');
  });

  it('says which file it cannot read', async () => {
    const { err } = await failure(path.join(FIXTURES, 'nope.yaml'));
    expect(err.code).toBe('SCAFFOLD_SPEC_NOT_FOUND');
    expect(err.message).toMatch(/nope\.yaml: no such file$/);
  });

  it('rejects an unknown framework and an output that is a file', async () => {
    const output = await freshDir('opt');
    await expect(scaffold({ spec: {}, framework: 'hapi' as 'koa', output })).rejects.toMatchObject({ code: 'SCAFFOLD_INVALID_OPTION' });
    const file = path.join(EXAMPLES, 'petstore-3.0.yaml');
    await expect(scaffold({ spec: file, framework: 'koa', output: file })).rejects.toMatchObject({ code: 'SCAFFOLD_INVALID_OPTION' });
    expect(await readFile(file, 'utf8')).toContain('openapi: 3.0.3');
  });

  it('bundles multi-file $refs', async () => {
    const output = await freshDir('bundle');
    dirs.push(output);
    await scaffold({ spec: path.join(EXAMPLES, 'bookshop/openapi.yaml'), framework: 'koa', output });
    const types = await readFile(path.join(output, 'types.gen.ts'), 'utf8');
    expect(types).toContain('"fiction" | "science" | "history" | "poetry"');
    expect(types).toContain('born?: string;');
  });

  it('reads an in-memory document without touching the caller’s object', async () => {
    const output = await freshDir('memory');
    dirs.push(output);
    const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string', nullable: true } } } } } } } } };
    const copy = structuredClone(doc);
    const r = await scaffold({ spec: doc, framework: 'express', output });
    expect(doc).toEqual(copy);
    expect(r.handlers.created).toEqual([{ exportName: 'getA', file: 'handlers/a.ts', operationId: undefined, method: 'GET', path: '/a' }]);
  });
});

describe('OpenAPI 3.1 schemas (JSON Schema 2020-12)', () => {
  // The shape of Codat's accounting API: `definitions` inside a component schema, one entry not a schema at all.
  const doc = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/items': {
        post: {
          operationId: 'createItem',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          responses: { '201': { description: 'created' } },
        },
      },
    },
    components: {
      schemas: {
        Item: {
          type: 'object',
          required: ['status'],
          properties: { status: { $ref: '#/components/schemas/Item/definitions/status' } },
          definitions: {
            status: { type: 'string', enum: ['active', 'archived'] },
            notASchema: { type: { description: 'a property map written where a schema belongs', type: 'string' } },
          },
        },
      },
    },
  };

  it('reads an unknown keyword such as `definitions` as an annotation: warns, generates, and still follows $refs into it', async () => {
    const output = await freshDir('definitions');
    dirs.push(output);
    const r = await scaffold({ spec: structuredClone(doc), framework: 'express', output });
    expect(r.warnings.filter((w) => w.code === 'annotation-keyword').map((w) => w.pointer)).toEqual(['#/components/schemas/Item/definitions']);
    const validators = (await import(path.join(output, 'validators', 'bodies.gen.js'))) as Record<string, (v: unknown) => boolean>;
    expect(validators['createItem$b0']?.({ status: 'active' })).toBe(true);
    expect(validators['createItem$b0']?.({ status: 'deleted' })).toBe(false);
  });

  it('still rejects an invalid `type` where a schema is required', async () => {
    const bad = structuredClone(doc) as unknown as { components: { schemas: { Item: { properties: Record<string, unknown> } } } };
    bad.components.schemas.Item.properties['size'] = { type: 'huge' };
    const { err } = await failure(bad as unknown as ScaffoldOptions['spec']);
    expect((err as InvalidSpecError).problems.map((p) => p.pointer)).toEqual(['#/components/schemas/Item/properties/size/type']);
  });
});
