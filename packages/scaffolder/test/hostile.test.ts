import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffold } from '../src/index.js';
import { cleanup, freshDir, TMP } from './support/generate.js';
import { serve } from './support/serve.js';
import { typecheck } from './support/typecheck.js';

const EVIL = '*/ globalThis.sbPwned = 1; /* ` ${globalThis.sbPwned = 2} \' " \n}); globalThis.sbPwned = 3; ({ \u2028';

function hostileSpec(): Record<string, unknown> {
  const obj = (props: Record<string, unknown>) => ({ type: 'object', description: EVIL, properties: props });
  return {
    openapi: '3.1.0',
    info: { title: EVIL, version: '1', description: EVIL },
    paths: {
      '/items/{id}': {
        get: {
          operationId: '../../escape',
          tags: ['../../outside'],
          summary: EVIL,
          description: EVIL,
          parameters: [
            { name: 'id', in: 'path', required: true, description: EVIL, schema: { type: 'integer' } },
            { name: '__proto__', in: 'query', schema: { type: 'string' } },
            { name: 'x"y`${z}', in: 'query', schema: { type: 'string', enum: [EVIL, '*/'] } },
          ],
          responses: { '200': { description: EVIL, content: { 'application/json': { schema: { $ref: '#/components/schemas/__proto__' } } } } },
        },
      },
      '/constructor': {
        post: {
          operationId: 'constructor',
          tags: ['__proto__'],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/..~1x' } } } },
          responses: { default: { description: 'x' } },
        },
      },
      "/q'uote/{a}": { get: { operationId: '"; process.exit(1); "', parameters: [{ name: 'a', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'x' } } } },
    },
    components: {
      schemas: {
        ['__proto__']: obj({ ['__proto__']: { type: 'string', description: EVIL }, constructor: { type: 'number' }, 'a"b': { const: EVIL }, '*/': { type: 'boolean' } }),
        '../x': obj({ toString: { type: 'string' } }),
        constructor: { type: 'string', pattern: '^`${x}`$' },
        '1abc': { type: 'array', items: { $ref: '#/components/schemas/constructor' } },
        'pet-cat': { type: 'string' },
        PetCat: { type: 'integer' },
      },
    },
  };
}

const dirs: string[] = [];
afterAll(() => cleanup(dirs));

describe('a hostile spec', () => {
  it('cannot inject code, escape the output folder or break objects', { timeout: 120_000 }, async () => {
    const before = new Set(await readdir(TMP));
    const output = await freshDir('hostile');
    dirs.push(output);
    const spec = hostileSpec();
    const result = await scaffold({ spec, framework: 'fastify', output });
    const after = (await readdir(TMP)).filter((f) => !before.has(f));
    expect(after).toEqual([path.basename(output)]);
    for (const f of result.files) expect(path.resolve(output, f.path).startsWith(output + path.sep)).toBe(true);
    expect(result.files.map((f) => f.path)).toEqual(expect.arrayContaining(['handlers/outside.ts', 'handlers/proto.ts']));
    expect(result.handlers.created.map((h) => h.exportName)).toEqual(['escape', 'constructorOp', 'processExit1']);
    expect(typecheck(output)).toEqual([]);

    const app = await serve(output, 'fastify', { authenticate: () => null });
    try {
      expect((globalThis as { sbPwned?: unknown }).sbPwned).toBeUndefined();
      const r = await fetch(`${app.url}/items/abc?__proto__=x`);
      expect(r.status).toBe(400);
      const body = (await r.json()) as { error: { details: { field: string }[] } };
      expect(body.error.details.map((d) => d.field)).toEqual(['id']);
      expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
