/**
 * sb db diff vs @pgkit/migra 0.6.1 on the same two live databases (500 and, with BENCH_SIZES, 2000
 * tables), each run in its own process. Prints time, peak memory and the ratio; writes
 * bench/results/diff.json. `node --import tsx bench/index.ts` (BENCH_SIZES=500,2000 BENCH_RUNS=3).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generateSchema } from './schema-gen.js';

const BASE = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sizes = (process.env['BENCH_SIZES'] ?? '500').split(',').map(Number);
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const here = fileURLToPath(new URL('.', import.meta.url));

interface Sample { ms: number; importMs: number; maxRssMb: number; statements: number }

function measure(tool: string, from: string, to: string): Sample {
  const out = execFileSync(process.execPath, ['--import', 'tsx', `${here}run-one.ts`, tool, from, to], { encoding: 'utf8', timeout: 300_000 });
  return JSON.parse(out.trim().split('\n').pop()!) as Sample;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function withDatabases<T>(size: number, use: (a: string, b: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  const names = [`sb_bench_${size}_a_${process.pid}`, `sb_bench_${size}_b_${process.pid}`];
  const urls = names.map((n) => Object.assign(new URL(BASE), { pathname: `/${n}` }).toString());
  try {
    for (const [i, name] of names.entries()) {
      await admin.query(`create database "${name}"`);
      const c = new pg.Client({ connectionString: urls[i] });
      await c.connect();
      // In chunks: one implicit transaction over thousands of tables runs out of lock slots.
      const statements = generateSchema(size, i === 0 ? 'a' : 'b').split(';\n');
      for (let s = 0; s < statements.length; s += 300) await c.query(statements.slice(s, s + 300).join(';\n'));
      await c.end();
    }
    return await use(urls[0]!, urls[1]!);
  } finally {
    for (const name of names) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  await withDatabases(size, async (a, b) => {
    const sb: Sample[] = [];
    const migra: Sample[] = [];
    for (let r = 0; r < runs; r++) {
      sb.push(measure('sb', a, b));
      migra.push(measure('migra', a, b));
    }
    const row = {
      tables: size,
      sbMs: Math.round(median(sb.map((s) => s.ms))),
      migraMs: Math.round(median(migra.map((s) => s.ms))),
      sbDiffMs: Math.round(median(sb.map((s) => s.ms - s.importMs))),
      migraDiffMs: Math.round(median(migra.map((s) => s.ms - s.importMs))),
      sbRssMb: Math.round(Math.max(...sb.map((s) => s.maxRssMb))),
      migraRssMb: Math.round(Math.max(...migra.map((s) => s.maxRssMb))),
      sbStatements: sb[0]!.statements,
      migraStatements: migra[0]!.statements,
    };
    const ratio = (row.migraMs / row.sbMs).toFixed(1);
    const diffRatio = (row.migraDiffMs / row.sbDiffMs).toFixed(1);
    console.log(
      `${size} tables, end to end (process start excluded, module load included): sb ${row.sbMs} ms vs @pgkit/migra ${row.migraMs} ms: sb is ${ratio}x faster\n` +
        `${size} tables, connect + introspect + diff only: sb ${row.sbDiffMs} ms (up AND down planned) vs @pgkit/migra ${row.migraDiffMs} ms: sb is ${diffRatio}x faster\n` +
        `  peak RSS: sb ${row.sbRssMb} MB, @pgkit/migra ${row.migraRssMb} MB; up statements: sb ${row.sbStatements}, migra ${row.migraStatements}`,
    );
    results.push({ ...row, ratio: Number(ratio), diffRatio: Number(diffRatio) });
  });
}
mkdirSync(`${here}results`, { recursive: true });
writeFileSync(`${here}results/diff.json`, `${JSON.stringify({ date: new Date().toISOString(), runs, results }, null, 2)}\n`);
