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
