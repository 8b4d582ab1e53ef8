import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { freePort, npm, sb, start as startProcess, step } from './helpers/processes.js';

/**
 * The API design workflow of docs/api-design.md, as a user walks it, in a fresh folder outside the repository,
 * for each framework: sb scaffold → npm install → implement a handler → npm run build, npm test, npm start →
 * sb load (2000 requests, all 200) → sb load with an invalid body (all 400) → sb security probe → sb security
 * scan → sb spec → the regenerated spec says what the input said. Real processes, each bounded in time.
 */

const SPEC = fileURLToPath(new URL('../../../../examples/openapi/shelter.yaml', import.meta.url));
const FRAMEWORKS = ['express', 'fastify', 'koa'] as const;

/** `npm start` of a scaffolded REST service; resolves once it says it listens. */
const start = (cwd: string, port: number) => startProcess('npm', ['start'], cwd, { PORT: String(port) }, /listening on/);

type Doc = Record<string, unknown>;

/** Follows local `#/…` refs (the spec and sb spec's output use only those). */
function deref(doc: Doc, node: unknown, seen: readonly unknown[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(doc, n, seen));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as Doc)['$ref'];
  if (typeof ref === 'string') {
    const target = ref.slice(2).split('/').reduce<unknown>((at, k) => (at as Doc)[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    return seen.includes(target) ? '[recursive]' : deref(doc, target, [...seen, target]);
  }
  // An enum is a set: its order carries no meaning.
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => !['description', 'example', 'examples'].includes(k))
      .map(([k, v]) => [k, k === 'enum' && Array.isArray(v) ? [...v].sort() : deref(doc, v, seen)]),
  );
}

/**
 * What both documents must say alike: per operation its id, tags, summary, security, parameters (with every
 * schema keyword), request body and responses (status → schema), all refs followed. Only descriptions differ.
 */
function contract(doc: Doc): Doc {
  const out: Doc = {};
  for (const [p, item] of Object.entries((doc['paths'] ?? {}) as Record<string, Doc>)) {
    for (const [method, op] of Object.entries(item) as [string, Doc][]) {
      if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
      const params = ((op['parameters'] ?? []) as Doc[]).map((x) => deref(doc, x) as Doc).map((x) => ({ in: x['in'], name: x['name'], required: x['required'] === true, schema: x['schema'] }));
      const body = op['requestBody'] ? (deref(doc, op['requestBody']) as Doc) : undefined;
      out[`${method.toUpperCase()} ${p}`] = {
        operationId: op['operationId'],
        tags: op['tags'],
        summary: op['summary'],
        security: op['security'] ?? doc['security'],
        parameters: params.sort((a, b) => String(a.name).localeCompare(String(b.name))),
        requestBody: body ? { required: body['required'] === true, content: body['content'] } : undefined,
        responses: Object.fromEntries(Object.entries((op['responses'] ?? {}) as Doc).map(([status, r]) => [status, ((deref(doc, r) as Doc)['content'] as Doc | undefined) ?? null])),
      };
    }
  }
  return out;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('the API design workflow, end to end', () => {
  for (const framework of FRAMEWORKS) {
    it(`works on ${framework}: scaffold, install, implement, build, serve, load, probe, scan, spec`, async () => {
      const started = performance.now();
      const dir = await mkdtemp(path.join(tmpdir(), `sb-e2e-${framework}-`));
      dirs.push(dir);
      await copyFile(SPEC, path.join(dir, 'openapi.yaml'));
      step('sb scaffold', await sb(['scaffold', 'openapi.yaml', '--framework', framework, '--output', 'src/routes/'], dir));
      step('npm install', await npm(['install', '--no-audit', '--no-fund', '--loglevel=error'], dir));

      // The one edit a user makes: implement listPets.
      const handlers = path.join(dir, 'src/routes/handlers/pets.ts');
      const stub = await readFile(handlers, 'utf8');
      const edited = stub.replace(/throw notImplemented\("listPets"\);/, "return { status: 200, body: [{ id: 1, name: 'Rex', kind: 'dog' as const }].slice(0, input.query.limit ?? 20) };");
      expect(edited).not.toBe(stub);
      await writeFile(handlers, edited);

      step('npm run build', await npm(['run', 'build'], dir));
      step('npm test', await npm(['test'], dir));
      const port = await freePort();
      const server = await start(dir, port);
      try {
        const base = `http://127.0.0.1:${port}`;
        const ok = await sb(['load', `${base}/pets?limit=5`, '--requests', '2000', '--concurrency', '8', '--expect-status', '200', '--json'], dir);
        step('sb load (valid)', ok);
        const okJson = JSON.parse(ok.stdout) as Record<string, unknown>;
        expect(JSON.stringify(okJson)).toContain('2000');

        const invalid = await sb(['load', `${base}/pets`, '-m', 'POST', '-H', 'content-type: application/json', '-b', '{"name":"","kind":"bird","extra":1}', '--requests', '500', '--concurrency', '4', '--expect-status', '400', '--json'], dir);
        step('sb load (invalid body)', invalid);

        const probe = await sb(['security', 'probe', base, '--spec', 'openapi.yaml', '--max-time', '120', '--json'], dir, 200_000);
        step('sb security probe', probe);

        const scan = await sb(['security', 'scan', 'src/', '--json'], dir);
        step('sb security scan', scan);
      } finally {
        await server.stop();
      }

      step('sb spec', await sb(['spec', 'src/routes/', '--output', 'regenerated.yaml'], dir, 300_000));
      const input = parse(await readFile(path.join(dir, 'openapi.yaml'), 'utf8')) as Doc;
      const back = parse(await readFile(path.join(dir, 'regenerated.yaml'), 'utf8')) as Doc;
      expect(contract(back)).toEqual(contract(input));
      console.log(`e2e ${framework}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });
  }
});
