import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS, scaffoldFromDb, type ScaffoldFromDbResult } from '../../src/index.js';
import { cleanup, freshDir } from '../support/generate.js';
import { serve, type Running } from '../support/serve.js';
import { freshDatabase } from './db-fixture.js';

const SCHEMA = fileURLToPath(new URL('./fixtures/schema.sql', import.meta.url));
const dirs: string[] = [];
let db: { url: string; drop: () => Promise<void> };

beforeAll(async () => {
  db = await freshDatabase('fromdb', SCHEMA);
  process.env['DATABASE_URL'] = db.url;
});
afterAll(async () => {
  await cleanup(dirs);
  await db?.drop();
});

interface Row {
  [column: string]: unknown;
  id: number;
}
interface Body {
  error: { code: string; message: string };
  items: Row[];
  nextCursor: string | null;
  meta: { requestId: string };
  id: number;
  [column: string]: unknown;
}
interface Reply {
  status: number;
  body: Body;
}

async function call(base: string, method: string, path: string, body?: unknown, token = 'let-me-in'): Promise<Reply> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
}

/** Error bodies carry the envelope and never PostgreSQL's own text. */
function expectError(r: Reply, status: number, code?: string): void {
  expect(r.status).toBe(status);
  expect(r.body.error.code).toBe(code ?? r.body.error.code);
  expect(r.body.meta.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.stringify(r.body)).not.toMatch(/violates|constraint|duplicate key|select |insert into|pets_|owners_/i);
}

describe('scaffoldFromDb', () => {
  for (const framework of FRAMEWORKS) {
    describe(`${framework}`, () => {
      let result: ScaffoldFromDbResult;
      let app: Running;
      let dir: string;
      let close: () => Promise<void>;
      const run = `${framework}-${Date.now()}`;

      beforeAll(async () => {
        dir = await freshDir(`fromdb-${framework}`);
        dirs.push(dir);
        result = await scaffoldFromDb({ connectionString: db.url, framework, output: dir });
        app = await serve(dir, framework, { authenticate: async (c: { token?: string }) => (c.token === 'let-me-in' ? { user: 'test' } : undefined) });
        const conn = (await import(`${dir}/db/connection.ts`)) as { db: { destroy(): Promise<void> } };
        close = async () => {
          await app.close();
          await conn.db.destroy();
        };
      }, 90_000);
      afterAll(async () => {
        await close?.();
      });

      it('reports every table, the key-less one read-only, with warnings', () => {
        expect(result.tables.map((t) => [t.table, t.path, t.readOnly, t.implemented])).toEqual([
          ['public.audit_log', '/audit-log', true, true],
          ['public.owners', '/owners', false, true],
          ['public.pet_tags', '/pet-tags', false, true],
          ['public.pets', '/pets', false, true],
          ['public.tags', '/tags', false, true],
        ]);
        expect(result.warnings.map((w) => w.code).sort()).toEqual(['table-without-primary-key', 'unsupported-column-type']);
        expect(result.files).toEqual(expect.arrayContaining(['openapi.yaml', 'db/database.gen.ts', 'db/crud.gen.ts', 'db/connection.ts', 'handlers/pets.ts']));
      });

      it('creates, reads, updates and deletes rows, with 404, 409 and 422 from PostgreSQL errors', async () => {
        const owner = await call(app.url, 'POST', '/owners', { email: `${run}@example.com`, name: 'Ann' });
        expect(owner.status).toBe(201);
        expect(owner.body).toMatchObject({ email: `${run}@example.com`, name: 'Ann' });
        expect(typeof owner.body.id).toBe('number');
        expectError(await call(app.url, 'POST', '/owners', { email: `${run}-x@example.com`, name: 'Eve' }, 'wrong'), 401);
        expect((await call(app.url, 'GET', `/owners/${owner.body.id}`, undefined, 'wrong')).status).toBe(200);
        expect(owner.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expectError(await call(app.url, 'POST', '/owners', { email: `${run}@example.com`, name: 'Bob' }), 409, 'CONFLICT');

        const pet = await call(app.url, 'POST', '/pets', { name: 'Rex', owner_id: owner.body.id, tags: ['good'], weight: '12.50', born_on: '2020-02-29' });
        expect(pet.status).toBe(201);
        expect(pet.body).toMatchObject({ name: 'Rex', status: 'available', nickname: null, tags: ['good'], weight: '12.50', born_on: '2020-02-29' });
        const id = pet.body.id as number;
        expectError(await call(app.url, 'POST', '/pets', { name: 'Ghost', owner_id: 987654321 }), 422, 'REFERENCE_NOT_FOUND');
        expectError(await call(app.url, 'POST', '/pets', { name: '' }), 422, 'CHECK_VIOLATION');
        expectError(await call(app.url, 'POST', '/pets', { owner_id: owner.body.id }), 400);
        expectError(await call(app.url, 'POST', '/pets', { name: 'X', colour: 'red' }), 400);

        expect((await call(app.url, 'GET', `/pets/${id}`)).body).toEqual(pet.body);
        expectError(await call(app.url, 'GET', '/pets/987654321'), 404, 'NOT_FOUND');
        expectError(await call(app.url, 'GET', '/pets/abc'), 400);

        const patched = await call(app.url, 'PATCH', `/pets/${id}`, { nickname: 'Rexy', status: 'sold' });
        expect(patched.status).toBe(200);
        expect(patched.body).toMatchObject({ id, name: 'Rex', nickname: 'Rexy', status: 'sold' });
        expectError(await call(app.url, 'PATCH', `/pets/${id}`, { status: 'lost' }), 400);
        expectError(await call(app.url, 'PATCH', '/pets/987654321', { nickname: 'x' }), 404, 'NOT_FOUND');
        expectError(await call(app.url, 'PATCH', `/pets/${id}`, { owner_id: 987654321 }), 422, 'REFERENCE_NOT_FOUND');

        expectError(await call(app.url, 'DELETE', `/owners/${owner.body.id}`), 409, 'STILL_REFERENCED');
        expect((await call(app.url, 'DELETE', `/pets/${id}`)).status).toBe(204);
        expectError(await call(app.url, 'DELETE', `/pets/${id}`), 404, 'NOT_FOUND');
        expect((await call(app.url, 'DELETE', `/owners/${owner.body.id}`)).status).toBe(204);
      });

      it('pages by cursor and by offset, filters on indexed columns and sorts from the allow-list', async () => {
        const owner = await call(app.url, 'POST', '/owners', { email: `${run}-list@example.com`, name: 'Lister' });
        const ids: number[] = [];
        for (const [name, status] of [['a', 'available'], ['b', 'sold'], ['c', 'sold'], ['d', 'pending'], ['e', 'sold']] as const) {
          ids.push((await call(app.url, 'POST', '/pets', { name: `${run}-${name}`, status, owner_id: owner.body.id })).body.id);
        }
        const mine = `owner_id=${owner.body.id}`;
        const first = await call(app.url, 'GET', `/pets?${mine}&limit=2`);
        expect(first.status).toBe(200);
        expect(first.body.items.map((p: { id: number }) => p.id)).toEqual(ids.slice(0, 2));
                const second = await call(app.url, 'GET', `/pets?${mine}&limit=2&cursor=${first.body.nextCursor}`);
        expect(second.body.items.map((p: { id: number }) => p.id)).toEqual(ids.slice(2, 4));
        const third = await call(app.url, 'GET', `/pets?${mine}&limit=2&cursor=${second.body.nextCursor}`);
        expect(third.body.items.map((p: { id: number }) => p.id)).toEqual(ids.slice(4));
        expect(third.body.nextCursor).toBeNull();
        expect((await call(app.url, 'GET', `/pets?${mine}&limit=2&offset=3`)).body.items.map((p: { id: number }) => p.id)).toEqual(ids.slice(3, 5));
        const sold = await call(app.url, 'GET', `/pets?${mine}&status=sold&sort=id&order=desc`);
        expect(sold.body.items.map((p: { id: number }) => p.id)).toEqual([ids[4], ids[2], ids[1]]);
        expectError(await call(app.url, 'GET', `/pets?sort=name`), 400);
        expectError(await call(app.url, 'GET', `/pets?cursor=not-a-cursor`), 400, 'VALIDATION_ERROR');
        expectError(await call(app.url, 'GET', `/pets?limit=0`), 400);
      });

      it('serves composite keys and a read-only table', async () => {
        const pet = await call(app.url, 'POST', '/pets', { name: `${run}-tagged` });
        const tag = `${run}-cute`;
        expect((await call(app.url, 'POST', '/tags', { name: tag })).status).toBe(201);
        const link = await call(app.url, 'POST', '/pet-tags', { pet_id: pet.body.id, tag });
        expect(link.status).toBe(201);
        expectError(await call(app.url, 'POST', '/pet-tags', { pet_id: pet.body.id, tag }), 409, 'CONFLICT');
        expectError(await call(app.url, 'POST', '/pet-tags', { pet_id: pet.body.id, tag: `${run}-nope` }), 422, 'REFERENCE_NOT_FOUND');
        const key = `/pet-tags/${pet.body.id}/${encodeURIComponent(tag)}`;
        expect((await call(app.url, 'GET', key)).body).toEqual({ pet_id: pet.body.id, tag });
        expect((await call(app.url, 'GET', `/pet-tags?limit=1&pet_id=${pet.body.id}`)).body.items).toEqual([{ pet_id: pet.body.id, tag }]);
        expect((await call(app.url, 'DELETE', key)).status).toBe(204);
        expectError(await call(app.url, 'GET', key), 404, 'NOT_FOUND');

        const log = await call(app.url, 'GET', '/audit-log');
        expect(log.status).toBe(200);
        expect(log.body).toEqual({ items: [], nextCursor: null });
        expect((await call(app.url, 'POST', '/audit-log', { message: 'x' })).status).toBe(405);
      });
    });
  }
});
