import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS, scaffold, specFromRoutes } from '../../src/index.js';
import { cleanup, freshDir } from '../support/generate.js';
import { normalizeSpec } from './normalize-spec.js';

const EXAMPLES = fileURLToPath(new URL('../../../../examples/openapi/', import.meta.url));
const SPECS = ['petstore-3.1.yaml', 'petstore-3.0.yaml', 'bookshop/openapi.yaml'];
const dirs: string[] = [];
afterAll(() => cleanup(dirs));

describe('spec → sb scaffold → sb spec', () => {
  for (const spec of SPECS) {
    for (const framework of spec === 'petstore-3.0.yaml' ? (['express'] as const) : FRAMEWORKS) {
      it(`gives back ${spec}'s operations, parameters, bodies and responses for ${framework}`, { timeout: 90_000 }, async () => {
        const file = path.join(EXAMPLES, spec);
        const dir = await freshDir(`roundtrip-${path.basename(spec, '.yaml')}`);
        dirs.push(dir);
        await scaffold({ spec: file, framework, output: dir });
        const back = await specFromRoutes({ input: dir });
        expect(back.document.openapi).toBe('3.1.0');
        expect(await normalizeSpec(back.document)).toEqual(await normalizeSpec(file));
      });
    }
  }
});

describe('what TypeScript types cannot say', () => {
  it('keeps integer, format and bounds of parameters through JSDoc tags in the generated types', { timeout: 90_000 }, async () => {
    const dir = await freshDir('roundtrip-tags');
    dirs.push(dir);
    await scaffold({ spec: path.join(EXAMPLES, 'petstore-3.1.yaml'), framework: 'express', output: dir });
    const back = await specFromRoutes({ input: dir });
    const limit = back.document.paths?.['/pets']?.get?.parameters?.find((p) => 'name' in p && p.name === 'limit');
    expect(limit && 'schema' in limit ? limit.schema : undefined).toEqual({ type: 'integer', format: 'int32', maximum: 100 });
  });
});
