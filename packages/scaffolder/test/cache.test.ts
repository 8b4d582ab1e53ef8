import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scaffold } from '../src/index.js';
import { cleanup, EXAMPLES, freshDir } from './support/generate.js';

const dirs: string[] = [];
afterAll(() => cleanup(dirs));
const SPEC = path.join(EXAMPLES, 'petstore-3.0.yaml');
const CACHE = '.sb/scaffold-cache.json';

interface CacheFile {
  chunks: Record<string, { code: string }>;
  handlers: Record<string, { exported: string[] }>;
}

async function tamper(dir: string, marker: string): Promise<void> {
  const data = JSON.parse(await readFile(path.join(dir, CACHE), 'utf8')) as CacheFile;
  for (const c of Object.values(data.chunks)) c.code = `${c.code}// ${marker}\n`;
  await writeFile(path.join(dir, CACHE), JSON.stringify(data));
}

describe('the generation cache', () => {
  it('reuses compiled validator chunks of an earlier run and records the handler files it scanned', async () => {
    const output = await freshDir('cache-hit');
    dirs.push(output);
    await scaffold({ spec: SPEC, framework: 'express', output });
    const data = JSON.parse(await readFile(path.join(output, CACHE), 'utf8')) as CacheFile;
    expect(Object.keys(data.chunks)).toHaveLength(2);
    expect(Object.values(data.handlers).map((h) => h.exported)).toEqual([['listPets', 'createPets', 'showPetById']]);
    await tamper(output, 'from the cache');
    const again = await scaffold({ spec: SPEC, framework: 'express', output });
    expect(await readFile(path.join(output, 'validators/pets.params.gen.js'), 'utf8')).toContain('// from the cache');
    expect(again.files.find((f) => f.path === 'validators/pets.params.gen.js')?.status).toBe('updated');
  });

  it('compiles again when a validator schema changed, or when asked to ignore the cache', async () => {
    const output = await freshDir('cache-miss');
    dirs.push(output);
    await scaffold({ spec: SPEC, framework: 'express', output });
    await tamper(output, 'stale');
    const doc = parse(await readFile(SPEC, 'utf8')) as { paths: Record<string, { get?: { parameters?: { schema?: { maximum?: number } }[] } }> };
    doc.paths['/pets']!.get!.parameters![0]!.schema!.maximum = 50;
    await scaffold({ spec: doc, framework: 'express', output });
    const params = await readFile(path.join(output, 'validators/pets.params.gen.js'), 'utf8');
    expect(params).not.toContain('// stale');
    expect(params).toContain('must be <= 50');
    expect(await readFile(path.join(output, 'validators/pets.bodies.gen.js'), 'utf8')).toContain('// stale');
    await scaffold({ spec: SPEC, framework: 'express', output, noCache: true });
    expect(await readFile(path.join(output, 'validators/pets.bodies.gen.js'), 'utf8')).not.toContain('// stale');
  });

  it('ignores a corrupt cache file', async () => {
    const output = await freshDir('cache-corrupt');
    dirs.push(output);
    await scaffold({ spec: SPEC, framework: 'express', output });
    const before = await readFile(path.join(output, 'validators/pets.params.gen.js'), 'utf8');
    await writeFile(path.join(output, CACHE), '{"format":2,"chunks":');
    const again = await scaffold({ spec: SPEC, framework: 'express', output });
    expect(again.files.every((f) => f.status === 'unchanged')).toBe(true);
    expect(await readFile(path.join(output, 'validators/pets.params.gen.js'), 'utf8')).toBe(before);
  });
});
