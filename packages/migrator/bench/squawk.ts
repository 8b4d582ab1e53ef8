/**
 * Lints the migration sb writes for the 500-table benchmark schemas (and the example schemas) with squawk:
 * `node --import tsx bench/squawk.ts`. Prints findings per rule for the up sections; the README explains
 * the ones that remain.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import { diffSchemas, writeMigration } from '../src/index.js';
import { parseMigration } from '../src/migration-file/parse.js';
import { generateSchema } from './schema-gen.js';

const BASE = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIZE = Number(process.env['BENCH_SIZE'] ?? 500);
const squawk = join(createRequire(import.meta.url).resolve('squawk-cli/package.json'), '..', 'js', 'bin', 'squawk');

const admin = new pg.Client({ connectionString: BASE });
await admin.connect();
const names = [`sb_squawk_a_${process.pid}`, `sb_squawk_b_${process.pid}`];
const urls = names.map((n) => Object.assign(new URL(BASE), { pathname: `/${n}` }).toString());
try {
  for (const [i, name] of names.entries()) {
    await admin.query(`create database "${name}"`);
    const c = new pg.Client({ connectionString: urls[i] });
    await c.connect();
    await c.query(generateSchema(SIZE, i === 0 ? 'a' : 'b'));
    await c.end();
  }
  const plan = await diffSchemas({ from: { connection: urls[0]! }, to: { connection: urls[1]! } });
  const dir = mkdtempSync(join(tmpdir(), 'sb-squawk-'));
  const { files } = await writeMigration(plan, { directory: dir, allowDestructive: true });
  for (const file of files) {
    const migration = parseMigration(readFileSync(file, 'utf8'), basename(file));
    const up = join(dir, `up-${basename(file)}`);
    writeFileSync(up, migration.up.sql);
    const args = [up, '--reporter', 'json', ...(migration.up.transaction ? ['--assume-in-transaction'] : [])];
    let out = '[]';
    try {
      out = execFileSync(squawk, args, { encoding: 'utf8' });
    } catch (error) {
      out = (error as { stdout: string }).stdout;
    }
    const counts = new Map<string, number>();
    for (const f of JSON.parse(out) as { rule_name: string }[]) counts.set(f.rule_name, (counts.get(f.rule_name) ?? 0) + 1);
    const statements = migration.up.sql.split(';\n').length;
    console.log(`${basename(file)} (${migration.up.transaction ? 'transaction' : 'transaction:false'}, ~${statements} statements):`);
    for (const [rule, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`  ${String(n).padStart(4)}  ${rule}`);
    if (counts.size === 0) console.log('  clean');
  }
} finally {
  for (const name of names) await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
