import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffold } from '../src/index.js';
import { cleanup, freshDir } from './support/generate.js';
import { typecheck } from './support/typecheck.js';

const dirs: string[] = [];
afterAll(() => cleanup(dirs));

/** Real-world quirks, each of which breaks at least one popular tool. */
const QUIRKY = {
  openapi: '3.0.3',
  info: { title: 'quirks', version: '1' },
  paths: {
    '/things': {
      post: {
        operationId: 'makeThing',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Loop' } } } } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        example: { owner: null },
        required: ['id', 'owner', 'size'],
        properties: {
          id: { type: 'integer', readOnly: true },
          owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/Owner' }] },
          size: { type: 'string', enum: ['s', 'm', 's'] },
          weight: { type: 'number', minimum: 0, exclusiveMinimum: true },
          code: { type: 'string', pattern: '(?<=unclosed' },
          stamp: { type: 'string', format: 'x-custom-format' },
          'x-vendor': { type: 'string' },
          nested: { type: 'object', 'x-internal': true, foo: 1, properties: {} },
        },
      },
      Owner: { type: 'object', properties: { name: { type: 'string' } } },
      Loop: { $ref: '#/components/schemas/Loop2' },
      Loop2: { allOf: [{ $ref: '#/components/schemas/Loop' }] },
    },
  },
};

describe('the spec doctor', () => {
  it('normalises quirks with a warning at each pointer and still generates code that compiles', { timeout: 120_000 }, async () => {
    const output = await freshDir('doctor');
    dirs.push(output);
    const r = await scaffold({ spec: QUIRKY, framework: 'express', output });
    const byCode = Object.fromEntries(r.warnings.map((w) => [w.code, w.pointer]));
    expect(byCode).toMatchObject({
      'nullable-without-type': '#/components/schemas/Thing/properties/owner/nullable',
      'duplicate-enum-item': '#/components/schemas/Thing/properties/size/enum',
      'invalid-pattern': '#/components/schemas/Thing/properties/code/pattern',
      'unknown-format': '#/components/schemas/Thing/properties/stamp/format',
      'unknown-keyword': '#/components/schemas/Thing/properties/nested/foo',
      'ref-cycle': expect.stringMatching(/^#\/components\/schemas\/Loop2?$/),
    });
    const types = await readFile(path.join(output, 'types.gen.ts'), 'utf8');
    expect(types).toContain('owner: (Owner | null);');
    expect(types).toContain('size: "s" | "m";');
    expect(types).toContain('"x-vendor"?: string;');
    expect(typecheck(output)).toEqual([]);
  });

  it('makes a nullable-without-type property accept null, keeps exclusive bounds and does not require readOnly properties of requests', async () => {
    const output = await freshDir('doctor-rt');
    dirs.push(output);
    await scaffold({ spec: QUIRKY, framework: 'express', output });
    const v = (await import(`${output}/validators/bodies.gen.js`)) as Record<string, ((d: unknown) => boolean) & { errors?: { instancePath: string }[] }>;
    const bodies = Object.keys(v).filter((k) => k.endsWith('$b0'));
    expect(bodies).toHaveLength(1);
    const validate = v[bodies[0]!]!;
    expect(validate({ owner: null, size: 'm' })).toBe(true);
    expect(validate({ owner: { name: 'a' }, size: 'm', weight: 1 })).toBe(true);
    expect(validate({ owner: null, size: 'm', weight: 0 })).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/weight');
  });
});
