// Applies the same 100 SQL migrations with @sb/migrator's runner and with kysely's Migrator (a provider
// over the same files), each into a fresh database, and prints the time ratio.
// Run: node --import tsx bench/apply.ts   (PostgreSQL on 127.0.0.1:5432, or DATABASE_URL)
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kysely, Migrator, PostgresDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import { migrate } from '../src/index.js';
import { parseMigration } from '../src/migration-file/parse.js';

const BASE = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const COUNT = 100;
const ROUNDS = 3;

async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: BASE });
  await c.connect();
  await c.query(text);
  await c.end();
}

function url(db: string): string {
  const u = new URL(BASE);
  u.pathname = `/${db}`;
  return u.toString();
}

async function withFreshDb(name: string, fn: (connectionString: string) => Promise<void>): Promise<number> {
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  try {
    const started = performance.now();
    await fn(url(name));
    return performance.now() - started;
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}

async function ours(dir: string, connectionString: string): Promise<void> {
  const result = await migrate({ path: dir, connectionString });
  if (result.migrations.length !== COUNT || result.failure) throw new Error('sb runner did not apply everything');
}

async function kysely(dir: string, connectionString: string): Promise<void> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 1 }) }) });
  const files = (await readdir(dir)).sort();
  const migrations: Record<string, Migration> = {};
  for (const f of files) {
    const m = parseMigration(await readFile(join(dir, f), 'utf8'), f);
    migrations[f] = { up: async (k) => void (await sql.raw(m.up.sql).execute(k)) };
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  await db.destroy();
  if (error || results?.length !== COUNT) throw new Error('kysely did not apply everything');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const dir = await mkdtemp(join(tmpdir(), 'sb-bench-apply-'));
await mkdir(dir, { recursive: true });
for (let i = 0; i < COUNT; i++) {
  const version = `202601010${String(10000 + i).padStart(5, '0')}`;
  await writeFile(
    join(dir, `${version}_t${i}.sql`),
    `-- migrate:up\ncreate table t${i} (id bigint primary key, v text);\ninsert into t${i} select g, 'v' || g from generate_series(1, 10) g;\n-- migrate:down\ndrop table t${i};\n`,
  );
}
const sb: number[] = [];
const ky: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  sb.push(await withFreshDb(`sb_bench_apply_sb_${process.pid}`, (c) => ours(dir, c)));
  ky.push(await withFreshDb(`sb_bench_apply_kysely_${process.pid}`, (c) => kysely(dir, c)));
}
await rm(dir, { recursive: true, force: true });
const [a, b] = [median(sb), median(ky)];
console.log(`apply ${COUNT} migrations (median of ${ROUNDS}):`);
console.log(`  @sb/migrator  ${a.toFixed(0)} ms  (one transaction per migration, checksums, parse + lint of every statement)`);
console.log(`  kysely        ${b.toFixed(0)} ms  (all migrations in one transaction, no checksums)`);
console.log(`  ratio sb/kysely = ${(a / b).toFixed(2)}`);
const results = fileURLToPath(new URL('./results/', import.meta.url));
await mkdir(results, { recursive: true });
await writeFile(join(results, 'apply.json'), JSON.stringify({ migrations: COUNT, rounds: ROUNDS, sbMs: sb, kyselyMs: ky, ratio: a / b }, null, 2));
