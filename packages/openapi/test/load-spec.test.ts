import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, OpenApiError, type OpenApiErrorCode } from '../src/index.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/openapi/', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-openapi-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function failure(spec: string | object, name?: string): Promise<OpenApiError> {
  const err = await loadSpec(spec, name === undefined ? {} : { name }).then(() => undefined, (e: unknown) => e);
  if (!OpenApiError.is(err)) throw new Error(`expected an OpenApiError, got ${String(err)}`);
  return err;
}

describe('loadSpec', () => {
  it('reads YAML, detects the version and locates pointers at the key that names them', async () => {
    const file = await write('pets.yaml', 'openapi: 3.1.0\ninfo:\n  title: pets\n  version: "1"\npaths:\n  /pets:\n    get:\n      responses: {}\n');
    const spec = await loadSpec(file, { name: 'pets.yaml' });
    expect(spec).toMatchObject({ version: '3.1', file: 'pets.yaml', bundled: false });
    expect(spec.doc['info']).toEqual({ title: 'pets', version: '1' });
    expect(spec.locate('#/paths/~1pets/get')).toEqual({ file: 'pets.yaml', line: 7, column: 5 });
    // Past what exists: the deepest key that does.
    expect(spec.locate('#/paths/~1pets/get/responses/200/description')).toEqual({ file: 'pets.yaml', line: 8, column: 7 });
  });

  it('reads JSON, and locates in it too', async () => {
    const file = await write('pets.json', JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} }, null, 2));
    const spec = await loadSpec(file);
    expect(spec.version).toBe('3.0');
    expect(spec.locate('#/info/version')?.line).toBe(5);
  });

  it('deep-copies an in-memory document and never locates in it', async () => {
    const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };
    const spec = await loadSpec(doc);
    expect(spec.doc).toEqual(doc);
    expect(spec.doc).not.toBe(doc);
    expect(spec.locate('#/info')).toBeUndefined();
  });

  it('bundles external $refs relative to the file', async () => {
    const spec = await loadSpec(join(EXAMPLES, 'bookshop/openapi.yaml'));
    expect(spec.bundled).toBe(true);
    expect(JSON.stringify(spec.doc)).not.toMatch(/"\$ref":"[^#]/);
  });

  it.each<[string, () => Promise<OpenApiError>, OpenApiErrorCode, RegExp]>([
    ['a missing file', async () => failure(join(dir, 'nope.yaml'), 'nope.yaml'), 'OPENAPI_SPEC_NOT_FOUND', /^cannot read spec nope\.yaml: no such file$/],
    ['a folder', async () => failure(dir, 'specs'), 'OPENAPI_SPEC_NOT_FOUND', /^cannot read spec specs: it is a folder, not a spec file$/],
    ['neither a path nor an object', async () => failure([] as unknown as object), 'OPENAPI_INVALID_INPUT', /file path or an OpenAPI document object/],
    ['a YAML syntax error', async () => failure(await write('broken.yaml', 'openapi: 3.0.0\npaths:\n  /a:\n    get: [unclosed\n'), 'broken.yaml'), 'OPENAPI_SPEC_PARSE', /^the spec has \d+ problems?\n {2}broken\.yaml:\d+:\d+ #: not valid YAML\/JSON: /],
    ['a document that is not an object', async () => failure(await write('list.yaml', '- 1\n- 2\n'), 'list.yaml'), 'OPENAPI_SPEC_PARSE', /list\.yaml:1:1 #: the document is not an object/],
    ['Swagger 2.0', async () => failure(await write('swagger.yaml', 'swagger: "2.0"\npaths: {}\n'), 'swagger.yaml'), 'OPENAPI_SWAGGER2', /^swagger\.yaml:1:1 #\/swagger: this is a Swagger 2\.0 document; .*swagger2openapi/],
    ['no openapi field', async () => failure({ info: {} }), 'OPENAPI_INVALID_SPEC', /#: missing `openapi` version field/],
    ['an unsupported version', async () => failure(await write('v4.yaml', 'info: {}\nopenapi: 4.0.0\n'), 'v4.yaml'), 'OPENAPI_INVALID_SPEC', /v4\.yaml:2:1 #\/openapi: unsupported openapi version "4\.0\.0"/],
  ])('refuses %s with a stable code and a message naming the place', async (_, fail, code, message) => {
    const err = await fail();
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  it('lists every YAML syntax error with its line and column', async () => {
    const err = await failure(await write('two.yaml', 'openapi: 3.0.0\na: [1\nb: "x\n'), 'two.yaml');
    expect(err.problems.length).toBeGreaterThanOrEqual(2);
    for (const p of err.problems) expect(p.location).toMatchObject({ file: 'two.yaml', line: expect.any(Number), column: expect.any(Number) });
  });

  it('names the file an external $ref cannot reach', async () => {
    await mkdir(join(dir, 'multi'), { recursive: true });
    const file = await write('multi/api.yaml', 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: "./missing.yaml#/A"}\n');
    const err = await failure(file);
    expect(err.code).toBe('OPENAPI_INVALID_SPEC');
    expect(err.problems[0]?.message).toMatch(/^cannot bundle external \$refs: .*missing\.yaml/);
  });
});
