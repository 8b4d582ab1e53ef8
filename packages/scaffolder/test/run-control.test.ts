import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffold, scaffoldFromDb, scaffoldGraphql, ScaffoldError, specFromRoutes, type Progress } from '../src/index.js';
import { freshDatabase } from './from-db/db-fixture.js';
import { cleanup, EXAMPLES, freshDir } from './support/generate.js';

const ROUTES = fileURLToPath(new URL('./from-routes/fixtures/express/', import.meta.url));
const SDL = fileURLToPath(new URL('./from-sdl/fixtures/library.graphql', import.meta.url));
const SCHEMA = fileURLToPath(new URL('./from-db/fixtures/schema.sql', import.meta.url));
const dirs: string[] = [];
afterAll(() => cleanup(dirs));

async function output(label: string): Promise<string> {
  const dir = await freshDir(label);
  dirs.push(dir);
  return dir;
}

/** A control that aborts (synchronously) at the first event of `phase`, and the events it saw. */
function abortAt(phase: string): { seen: Progress[]; control: { signal: AbortSignal; onProgress: (p: Progress) => void } } {
  const controller = new AbortController();
  const seen: Progress[] = [];
  return {
    seen,
    control: {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.phase === phase) controller.abort();
      },
    },
  };
}

async function rejection(run: Promise<unknown>): Promise<ScaffoldError> {
  const err = await run.then(() => undefined, (e: unknown) => e);
  if (!ScaffoldError.is(err)) throw new Error(`expected a ScaffoldError, got ${String(err)}`);
  return err;
}

const missing = async (p: string): Promise<boolean> => (await stat(p).catch(() => undefined)) === undefined;

describe('one call shape: fn(options, { signal, onProgress })', () => {
  it('scaffold reports each stage as { phase, message } and stops mid-generation with SCAFFOLD_ABORTED, writing nothing', async () => {
    const out = await output('abort-spec');
    const { seen, control } = abortAt('emit');
    const err = await rejection(scaffold({ spec: path.join(EXAMPLES, 'petstore-3.1.yaml'), framework: 'express', output: out }, control));
    expect(err.code).toBe('SCAFFOLD_ABORTED');
    expect(seen.map((p) => p.phase)).toEqual(['load', 'doctor', 'model', 'emit']);
    for (const p of seen) expect(typeof p.message).toBe('string');
    expect(await missing(out)).toBe(true);
  });

  it('specFromRoutes counts routes as done/total and stops between routes when aborted from outside (a timer, a signal handler)', async () => {
    const controller = new AbortController();
    const infer: Progress[] = [];
    const file = path.join(await output('abort-routes'), 'openapi.yaml');
    const run = specFromRoutes(
      { input: ROUTES, noCache: true, output: file },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase !== 'infer') return;
          infer.push(p);
          // Not aborted here: the abort lands from the event loop while inference runs.
          if (infer.length === 1) setImmediate(() => controller.abort());
        },
      },
    );
    const err = await rejection(run);
    expect(err.code).toBe('SCAFFOLD_ABORTED');
    expect(infer[0]).toMatchObject({ done: 0, total: expect.any(Number) });
    expect(infer[0]!.total).toBeGreaterThan(2);
    expect(infer.length).toBeLessThan(infer[0]!.total!);
    expect(await missing(file)).toBe(true);
  });

  it('scaffoldGraphql stops with SCAFFOLD_ABORTED before writing', async () => {
    const out = await output('abort-sdl');
    const { seen, control } = abortAt('emit');
    const err = await rejection(scaffoldGraphql({ schema: SDL, framework: 'fastify', output: out }, control));
    expect(err.code).toBe('SCAFFOLD_ABORTED');
    expect(seen.map((p) => p.phase)).toEqual(['load', 'emit']);
    expect(await missing(out)).toBe(true);
  });

  it('scaffoldFromDb stops mid-introspection with SCAFFOLD_ABORTED (its own code, not the migrator\'s)', async () => {
    const db = await freshDatabase('abort', SCHEMA);
    try {
      const out = await output('abort-db');
      const { seen, control } = abortAt('introspect');
      const err = await rejection(scaffoldFromDb({ connectionString: db.url, framework: 'koa', output: out }, control));
      expect(err.code).toBe('SCAFFOLD_ABORTED');
      expect(seen.map((p) => p.phase)).toEqual(['introspect']);
      expect(await missing(out)).toBe(true);
    } finally {
      await db.drop();
    }
  });
});
