import { fileURLToPath } from 'node:url';
import { runSql, withClient } from '@sb/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS, scaffoldFromDb, type ScaffoldDbGraphqlResult } from '../../../src/index.js';
import { cleanup, freshDir } from '../../support/generate.js';
import { freshDatabase } from '../db-fixture.js';
import { dataOf, serveGraphql, type GraphqlReply, type GraphqlService } from './serve-graphql.js';

const SCHEMA = fileURLToPath(new URL('../fixtures/schema.sql', import.meta.url));
const dirs: string[] = [];
let db: { url: string; drop: () => Promise<void> };

beforeAll(async () => {
  db = await freshDatabase('gqldb', SCHEMA);
  process.env['DATABASE_URL'] = db.url;
  // 10 owners with 5 pets each: the data of the statement count.
  await runSql(db.url, `
    create extension if not exists pg_stat_statements;
    insert into owners (email, name) select 'seed' || i || '@example.com', 'Seed ' || i from generate_series(1, 10) i;
    insert into pets (name, owner_id) select 'seed-pet-' || i, (select id from owners where email = 'seed' || (1 + i % 10) || '@example.com') from generate_series(1, 50) i;
  `);
});
afterAll(async () => {
  await cleanup(dirs);
  await db?.drop();
});

/** Errors carry a stable code and never PostgreSQL's text or SQL. */
function expectError(r: GraphqlReply, code: string): void {
  expect(r.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(JSON.stringify(r.errors)).not.toMatch(/violates|constraint|duplicate key|select |insert into|update "|delete from|pets_|owners_|syntax/i);
}

/** Statements this database ran while `fn` ran, and their text, from pg_stat_statements (reset for this database only). */
async function countStatements(url: string, fn: () => Promise<unknown>): Promise<{ count: number; text: string }> {
  const where = "dbid = (select oid from pg_database where datname = current_database()) and query not ilike '%pg_stat_statements%'";
  await withClient(url, (c) => c.query('select pg_stat_statements_reset(0, (select oid from pg_database where datname = current_database()), 0)'));
  await fn();
  const rows = await withClient(url, async (c) => (await c.query<{ calls: string; query: string }>(`select calls, query from pg_stat_statements where ${where}`)).rows);
  return { count: rows.reduce((n, r) => n + Number(r.calls), 0), text: rows.map((r) => r.query).join('\n') };
}

describe('scaffoldFromDb({ api: "graphql" })', () => {
  for (const framework of FRAMEWORKS) {
    describe(`${framework}`, () => {
      let result: ScaffoldDbGraphqlResult;
      let api: GraphqlService;
      const run = `${framework}-${process.pid}`;

      beforeAll(async () => {
        const dir = await freshDir(`gqldb-${framework}`);
        dirs.push(dir);
        result = await scaffoldFromDb({ connectionString: db.url, api: 'graphql', framework, output: dir });
        api = await serveGraphql(dir, framework);
      }, 90_000);
      afterAll(() => api?.close());

      it('reports a type per table with its root fields and relations', () => {
        expect(result.api).toBe('graphql');
        expect(result.tables.map((t) => [t.table, t.type, t.queries, t.mutations, t.relations])).toEqual([
          ['public.audit_log', 'AuditLog', ['auditLog'], [], []],
          ['public.owners', 'Owner', ['owners', 'owner'], ['createOwner', 'updateOwner', 'deleteOwner'], ['pets → [Pet]']],
          ['public.pet_tags', 'PetTag', ['petTags', 'petTag'], ['createPetTag', 'deletePetTag'], ['pet → Pet', 'tagByTag → Tag']],
          ['public.pets', 'Pet', ['pets', 'pet'], ['createPet', 'updatePet', 'deletePet'], ['petTags → [PetTag]', 'owner → Owner']],
          ['public.tags', 'Tag', ['tags', 'tag'], ['createTag', 'deleteTag'], ['petTags → [PetTag]']],
        ]);
        expect(result.files.map((f) => f.path)).toEqual(expect.arrayContaining(['type-defs.gen.ts', 'model.gen.ts', 'resolvers.gen.ts', 'loaders.gen.ts', 'db/connection.ts', 'context.ts', 'limits.ts', 'package.json', 'server.ts']));
      });

      it('creates, reads, updates and deletes, with NOT_FOUND, CONFLICT and BAD_USER_INPUT', async () => {
        const owner = await api.post('mutation ($e: String!) { createOwner(input: { email: $e, name: "Ann" }) { id email name createdAt } }', { e: `${run}@example.com` });
        const o = owner.data?.['createOwner'] as { id: string; createdAt: string };
        expect(o).toMatchObject({ email: `${run}@example.com`, name: 'Ann' });
        expect(o.id).toMatch(/^\d+$/);
        expect(o.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expectError(await api.post('mutation ($e: String!) { createOwner(input: { email: $e, name: "Bob" }) { id } }', { e: `${run}@example.com` }), 'CONFLICT');
        // server-owned columns are not inputs
        expect((await api.post('mutation { createOwner(input: { email: "x", name: "x", createdAt: "2020-01-01T00:00:00Z" }) { id } }')).errors?.[0]?.message).toMatch(/createdAt/);

        const pet = await api.post('mutation ($o: BigInt) { createPet(input: { name: "Rex", ownerId: $o, tags: ["good"], weight: "12.50", bornOn: "2020-02-29", status: SOLD }) { id name status nickname tags weight bornOn owner { email } } }', { o: o.id });
        const p = pet.data?.['createPet'] as { id: number };
        expect(p).toMatchObject({ name: 'Rex', status: 'SOLD', nickname: null, tags: ['good'], weight: '12.50', bornOn: '2020-02-29', owner: { email: `${run}@example.com` } });
        expectError(await api.post('mutation { createPet(input: { name: "Ghost", ownerId: "987654321" }) { id } }'), 'CONFLICT');
        expectError(await api.post('mutation { createPet(input: { name: "" }) { id } }'), 'BAD_USER_INPUT');
        expectError(await api.post('mutation { createPet(input: { name: "Big", weight: "123456789" }) { id } }'), 'BAD_USER_INPUT');

        expect((await api.post(`{ pet(id: ${p.id}) { id name } missing: pet(id: 987654321) { id } }`)).data).toEqual({ pet: { id: p.id, name: 'Rex' }, missing: null });
        const patched = await api.post(`mutation { updatePet(id: ${p.id}, patch: { nickname: "Rexy", status: PENDING }) { id name nickname status } }`);
        expect(patched.data?.['updatePet']).toEqual({ id: p.id, name: 'Rex', nickname: 'Rexy', status: 'PENDING' });
        const serial = await api.post(`mutation { a: updatePet(id: ${p.id}, patch: { nickname: "1" }) { owner { name } } b: updateOwner(id: "${o.id}", patch: { name: "Anna" }) { name } c: updatePet(id: ${p.id}, patch: { nickname: "Rexy" }) { owner { name } } }`);
        expect(serial.data).toEqual({ a: { owner: { name: 'Ann' } }, b: { name: 'Anna' }, c: { owner: { name: 'Anna' } } });
        expectError(await api.post(`mutation { updatePet(id: ${p.id}, patch: { name: null }) { id } }`), 'BAD_USER_INPUT');
        expectError(await api.post(`mutation { updatePet(id: ${p.id}, patch: {}) { id } }`), 'BAD_USER_INPUT');
        expectError(await api.post('mutation { updatePet(id: 987654321, patch: { nickname: "x" }) { id } }'), 'NOT_FOUND');
        expectError(await api.post(`mutation { updatePet(id: ${p.id}, patch: { ownerId: "987654321" }) { id } }`), 'CONFLICT');

        expectError(await api.post(`mutation { deleteOwner(id: "${o.id}") { id } }`), 'CONFLICT');
        expect((await api.post(`mutation { deletePet(id: ${p.id}) { id name } }`)).data).toEqual({ deletePet: { id: p.id, name: 'Rex' } });
        expectError(await api.post(`mutation { deletePet(id: ${p.id}) { id } }`), 'NOT_FOUND');
        expect((await api.post(`mutation { deleteOwner(id: "${o.id}") { email } }`)).data).toEqual({ deleteOwner: { email: `${run}@example.com` } });
      });

      it('pages with first/after, filters on indexed columns and orders from the allow-list', async () => {
        const owner = (await api.post('mutation ($e: String!) { createOwner(input: { email: $e, name: "Lister" }) { id } }', { e: `${run}-list@example.com` })).data?.['createOwner'] as { id: string };
        const ids: number[] = [];
        for (const [name, status] of [['a', 'AVAILABLE'], ['b', 'SOLD'], ['c', 'SOLD'], ['d', 'PENDING'], ['e', 'SOLD']] as const) {
          const r = await api.post(`mutation ($o: BigInt) { createPet(input: { name: "${run}-${name}", status: ${status}, ownerId: $o }) { id } }`, { o: owner.id });
          ids.push(dataOf<{ id: number }>(r, 'createPet').id);
        }
        const page = async (after: string | null, extra = ''): Promise<{ ids: number[]; next: boolean; end: string | null }> => {
          const r = await api.post(`query ($o: BigInt, $after: String) { pets(first: 2, after: $after, filter: { ownerId: $o }${extra}) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, { o: owner.id, after });
          const c = r.data?.['pets'] as { edges: { cursor: string; node: { id: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
          expect(c.pageInfo.endCursor).toBe(c.edges.at(-1)?.cursor ?? null);
          return { ids: c.edges.map((e) => e.node.id), next: c.pageInfo.hasNextPage, end: c.pageInfo.endCursor };
        };
        const one = await page(null);
        const two = await page(one.end);
        const three = await page(two.end);
        expect([one.ids, two.ids, three.ids]).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
        expect([one.next, two.next, three.next]).toEqual([true, true, false]);
        const desc = await page(null, ', orderBy: ID_DESC');
        expect(desc.ids).toEqual([ids[4], ids[3]]);
        expect((await page(desc.end, ', orderBy: ID_DESC')).ids).toEqual([ids[2], ids[1]]);
        const byStatus = await api.post('query ($o: BigInt) { pets(filter: { ownerId: $o }, orderBy: STATUS_DESC) { nodes { id status } } }', { o: owner.id });
        expect(dataOf<{ nodes: { id: number }[] }>(byStatus, 'pets').nodes.map((n) => n.id)).toEqual([ids[4], ids[2], ids[1], ids[3], ids[0]]);
        const statusPage = await page(null, ', orderBy: STATUS_ASC');
        expect([...statusPage.ids, ...(await page(statusPage.end, ', orderBy: STATUS_ASC')).ids]).toEqual([ids[0], ids[3], ids[1], ids[2]]);
        const sold = await api.post('query ($o: BigInt) { pets(filter: { ownerId: $o, status: SOLD }) { nodes { id } } }', { o: owner.id });
        expect(dataOf<{ nodes: { id: number }[] }>(sold, 'pets').nodes.map((n) => n.id)).toEqual([ids[1], ids[2], ids[4]]);
        expectError(await api.post(`{ pets(after: "${one.end}", orderBy: ID_DESC) { nodes { id } } }`), 'BAD_USER_INPUT');
        expectError(await api.post('{ pets(after: "not-a-cursor") { nodes { id } } }'), 'BAD_USER_INPUT');
        expectError(await api.post('{ pets(first: 101) { nodes { id } } }'), 'BAD_USER_INPUT');
        expect((await api.post('{ pets(orderBy: NAME_ASC) { nodes { id } } }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect((await api.post('{ pets(filter: { name: "x" }) { nodes { id } } }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      });

      it('follows relations both ways, composite keys and a key-less table', async () => {
        const owner = (await api.post('mutation ($e: String!) { createOwner(input: { email: $e, name: "Rel" }) { id } }', { e: `${run}-rel@example.com` })).data?.['createOwner'] as { id: string };
        const pet = (await api.post('mutation ($o: BigInt) { createPet(input: { name: "Tagged", ownerId: $o }) { id } }', { o: owner.id })).data?.['createPet'] as { id: number };
        const tag = `${run}-cute`;
        await api.post('mutation ($t: String!) { createTag(input: { name: $t }) { name } }', { t: tag });
        expect((await api.post('mutation ($p: Int!, $t: String!) { createPetTag(input: { petId: $p, tag: $t }) { petId tag } }', { p: pet.id, t: tag })).data).toEqual({ createPetTag: { petId: pet.id, tag } });
        expectError(await api.post('mutation ($p: Int!, $t: String!) { createPetTag(input: { petId: $p, tag: $t }) { petId } }', { p: pet.id, t: tag }), 'CONFLICT');
        const graph = await api.post('query ($o: BigInt!) { owner(id: $o) { name pets { nodes { name petTags { nodes { tag tagByTag { name } pet { owner { name } } } } } } } }', { o: owner.id });
        expect(graph.data).toEqual({ owner: { name: 'Rel', pets: { nodes: [{ name: 'Tagged', petTags: { nodes: [{ tag, tagByTag: { name: tag }, pet: { owner: { name: 'Rel' } } }] } }] } } });
        expect((await api.post('query ($p: Int!, $t: String!) { petTag(petId: $p, tag: $t) { tag } }', { p: pet.id, t: tag })).data).toEqual({ petTag: { tag } });
        expect((await api.post('query ($p: Int!, $t: String!) { deletePetTag(petId: $p, tag: $t) { tag } }', { p: pet.id, t: tag })).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect((await api.post('mutation ($p: Int!, $t: String!) { deletePetTag(petId: $p, tag: $t) { tag } }', { p: pet.id, t: tag })).data).toEqual({ deletePetTag: { tag } });
        expect((await api.post('{ auditLog(first: 1) { nodes { message } pageInfo { hasNextPage } } }')).data).toEqual({ auditLog: { nodes: [], pageInfo: { hasNextPage: false } } });
      });

      it('loads a list of 50 with a relation two levels deep in 3 SQL statements, selecting only the columns asked for', async () => {
        const query = '{ pets(first: 50, filter: { status: AVAILABLE }) { nodes { name owner { name pets(first: 3) { nodes { name } } } } } }';
        let reply: GraphqlReply = { status: 0 };
        const statements = await countStatements(db.url, async () => {
          reply = await api.post(query);
        });
        const nodes = dataOf<{ nodes: { owner: { pets: { nodes: unknown[] } } | null }[] }>(reply, 'pets').nodes;
        expect(reply.errors).toBeUndefined();
        expect(nodes).toHaveLength(50);
        expect(nodes.filter((n) => n.owner !== null && n.owner.pets.nodes.length === 3).length).toBeGreaterThanOrEqual(45);
        expect(statements.count).toBe(3);
        // Only what was asked (and keys, relation columns) is selected: not the owners' email, not the pets' tags.
        expect(statements.text).toMatch(/"t"\."name" as "name"/);
        expect(statements.text).not.toMatch(/"email"|"tags"|"created_at"/);
      });
    });
  }
});
