import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@sb/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, npm, sb, start, step, type Started } from './helpers/processes.js';

/**
 * The generated GraphQL services pass their own checks: sb scaffold schema.graphql for each framework, and
 * sb scaffold --from-db --api graphql (Express, on a fresh database) → npm run build → npm start
 * (NODE_ENV=production) → sb security probe --graphql and sb security scan --audit report nothing above low; the
 * same build started in development (introspection on, so the probe can read the schema) passes the probe's
 * depth and cost checks. One `npm install` in a shared parent folder serves every service (Node and npm scripts
 * resolve node_modules upwards), which keeps this test near a minute on an idle machine.
 */

const SDL = fileURLToPath(new URL('../../../../packages/scaffolder/test/from-sdl/fixtures/library.graphql', import.meta.url));
const FRAMEWORKS = ['express', 'fastify', 'koa'] as const;
const ABOVE_LOW = new Set(['medium', 'high', 'critical']);
const READY = /GraphQL on (\S+)/;

interface ProbeFinding {
  id: string;
  severity: string;
  status: 'pass' | 'fail' | 'skip';
  detail: string;
}
interface ScanFinding {
  ruleId: string;
  severity: string;
  message: string;
  location: { file: string; line: number };
}

/** A generated service: its folder under the shared root, how sb scaffold makes it, what it needs to run. */
interface Service {
  readonly name: string;
  readonly scaffold: () => readonly string[];
  readonly env: () => Record<string, string>;
  /** One operation and its exact answer. */
  readonly sample: { readonly query: string; readonly answer: unknown };
}

/** The database of the database-first service: two tables and a foreign key (relations both ways). */
const TABLES = `create table authors (id integer generated always as identity primary key, name text not null);
  create table books (id integer generated always as identity primary key, author_id integer not null references authors (id), title text not null,
    created_at timestamptz not null default now());
  create index books_author_id on books (author_id);
  insert into authors (name) values ('Le Guin'), ('Lem');
  insert into books (author_id, title) values (1, 'The Dispossessed'), (1, 'Lathe of Heaven'), (2, 'Solaris');`;
let db: TestDatabase | undefined;

const SERVICES: readonly Service[] = [
  ...FRAMEWORKS.map((framework) => ({ name: framework, scaffold: () => [SDL, '--framework', framework], env: () => ({}), sample: { query: '{ __typename }', answer: { data: { __typename: 'Query' } } } })),
  {
    name: 'from-db',
    scaffold: () => ['--from-db', db!.url, '--api', 'graphql', '--framework', 'express'],
    env: () => ({ DATABASE_URL: db!.url }),
    sample: {
      query: '{ authors(first: 5) { nodes { name books { nodes { title } } } } }',
      answer: { data: { authors: { nodes: [{ name: 'Le Guin', books: { nodes: [{ title: 'The Dispossessed' }, { title: 'Lathe of Heaven' }] } }, { name: 'Lem', books: { nodes: [{ title: 'Solaris' }] } }] } } },
    },
  },
];

let root = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sb-e2e-graphql-'));
  db = await createTestDatabase('e2e_graphql', TABLES);
  const dependencies: Record<string, string> = {};
  const devDependencies: Record<string, string> = {};
  for (const service of SERVICES) {
    step(`sb scaffold (${service.name})`, await sb(['scaffold', ...service.scaffold(), '--output', service.name], root));
    const pkg = JSON.parse(await readFile(path.join(root, service.name, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    Object.assign(dependencies, pkg.dependencies);
    Object.assign(devDependencies, pkg.devDependencies);
  }
  // The services pin exact versions, so one parent install gives each exactly what its own install would.
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'sb-e2e-graphql', private: true, dependencies, devDependencies }, null, 2));
  step('npm install', await npm(['install', '--no-audit', '--no-fund', '--loglevel=error'], root));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  await db?.drop();
});

/** Runs `fn` against the built service started with `env`, then stops it. */
async function serving<T>(dir: string, env: Record<string, string>, fn: (url: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const server: Started = await start(process.execPath, ['dist/server.js'], dir, { PORT: String(port), ...env }, READY);
  try {
    return await fn(READY.exec(server.output())![1]!);
  } finally {
    await server.stop();
  }
}

const failedAboveLow = (findings: readonly ProbeFinding[]): string[] => findings.filter((f) => f.status === 'fail' && ABOVE_LOW.has(f.severity)).map((f) => `${f.severity} ${f.id}: ${f.detail}`);

describe('the generated GraphQL services pass their own probe and scan', () => {
  for (const service of SERVICES) {
    it(`${service.name}: builds, and in production the probe and the scan find nothing above low`, async () => {
      const dir = path.join(root, service.name);
      step('npm run build', await npm(['run', 'build'], dir));

      // `npm start` is what a user runs, and it sets NODE_ENV=production.
      const port = await freePort();
      const server = await start('npm', ['start'], dir, { PORT: String(port), ...service.env() }, READY);
      try {
        const url = READY.exec(server.output())![1]!;
        // A whole result is sent in one piece with its length (not streamed chunk by chunk).
        const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: service.sample.query }) });
        const text = await answer.text();
        expect({ status: answer.status, json: JSON.parse(text) as unknown, length: answer.headers.get('content-length'), chunked: answer.headers.get('transfer-encoding') }).toEqual({ status: 200, json: service.sample.answer, length: String(Buffer.byteLength(text)), chunked: null });
        const probe = step('sb security probe', await sb(['security', 'probe', url, '--graphql', '--json'], dir));
        const result = JSON.parse(probe.stdout) as { findings: ProbeFinding[]; graphql?: { introspection: boolean } };
        expect(result.graphql?.introspection).toBe(false);
        expect(result.findings.filter((f) => f.id.startsWith('graphql.') && f.status === 'pass').length).toBeGreaterThanOrEqual(8);
        expect(failedAboveLow(result.findings)).toEqual([]);
      } finally {
        await server.stop();
      }

      const scan = step('sb security scan', await sb(['security', 'scan', '.', '--audit', '--json'], dir));
      const findings = (JSON.parse(scan.stdout) as { findings: ScanFinding[]; filesScanned: number }).findings;
      expect(findings.filter((f) => ABOVE_LOW.has(f.severity)).map((f) => `${f.severity} ${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`)).toEqual([]);

      // In development introspection is on by design (the probe exits 1 for it), so the probe can build deep
      // and costly queries from the schema.
      const dev = await serving(dir, { NODE_ENV: 'development', ...service.env() }, (url) => sb(['security', 'probe', url, '--graphql', '--only', 'graphql', '--json'], dir));
      const limits = (JSON.parse(dev.stdout) as { findings: ProbeFinding[] }).findings.filter((f) => f.id === 'graphql.depth-limit' || f.id === 'graphql.cost-limit');
      expect(limits.map((f) => `${f.id} ${f.status}`).sort()).toEqual(['graphql.cost-limit pass', 'graphql.depth-limit pass']);
    });
  }
});
