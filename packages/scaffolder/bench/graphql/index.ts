/**
 * sb's database-first GraphQL service vs PostGraphile 5 on one PostgreSQL database (bench/graphql/database.ts),
 * the same three operations on both (operations.ts):
 *
 * - throughput: @sb/loadtest, closed model, the same connections and duration, ROUNDS alternating runs per
 *   operation (the order flips every round), median reported;
 * - SQL statements per request: pg_stat_statements of the bench database over 200 requests;
 * - CPU ms per request of the server process (/proc), and PostgreSQL execution ms per request.
 *
 * Run: `pnpm --filter @sb/scaffolder bench:graphql` (runs under Node 22 via scripts/with-node.sh: PostGraphile 5
 * needs it; the sb service runs on the same binary). Writes bench/results/graphql.json and prints the table.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { runLoadTest } from '@sb/loadtest';
import { scaffoldFromDb } from '../../src/index.js';
import { createBenchDatabase, dropBenchDatabase, ROWS, statementTotals } from './database.js';
import { body, OPERATIONS, verify, type Api, type Operation } from './operations.js';
import { cpuMs, startPostgraphile, startSb, type Server } from './servers.js';

const DB = 'sb_bench_graphql';
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const STATEMENT_REQUESTS = 200;
const HERE = import.meta.dirname;
const TMP = path.join(HERE, '..', '.tmp', `graphql-${process.pid}`);
const FRAMEWORK = 'fastify';

interface Row {
  op: string;
  levels: number;
  rps: Record<Api, number>;
  runs: Record<Api, number[]>;
  statements: Record<Api, number>;
  dataStatements: Record<Api, number>;
  cpuMs: Record<Api, number>;
  pgMs: Record<Api, number>;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function load(server: Server, op: Operation, options: { duration?: number; requests?: number; concurrency: number }) {
  return runLoadTest({ url: server.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: body(op, server.api), expectStatus: [200], ...options });
}

/** One measured run: requests per second and the server's CPU ms per request. */
async function measure(server: Server, op: Operation): Promise<{ rps: number; cpuPerRequest: number }> {
  const before = await cpuMs(server.pid);
  const r = await load(server, op, { duration: SECONDS, concurrency: CONNECTIONS });
  const cpu = (await cpuMs(server.pid)) - before;
  if (!r.passed) throw new Error(`${server.api} ${op.name}: ${r.checks.filter((c) => !c.passed).map((c) => c.message).join('; ')}`);
  return { rps: r.throughput.requestsPerSec, cpuPerRequest: cpu / r.requests };
}

/** Statements (all, and data ones) and PostgreSQL ms per request over STATEMENT_REQUESTS requests. */
async function statements(server: Server, op: Operation): Promise<{ all: number; data: number; pgMs: number }> {
  const before = await statementTotals(DB);
  const r = await load(server, op, { requests: STATEMENT_REQUESTS, concurrency: 4 });
  const after = await statementTotals(DB);
  const n = r.requests;
  return { all: (after.calls - before.calls) / n, data: (after.dataCalls - before.dataCalls) / n, pgMs: (after.execMs - before.execMs) / n };
}

function table(rows: readonly Row[]): string {
  const f0 = (n: number): string => n.toFixed(0);
  const f2 = (n: number): string => n.toFixed(2);
  const lines = [
    '| operation | sb req/s | PostGraphile req/s | sb / PostGraphile | SQL statements per request, sb (data) | PostGraphile (data) | server CPU ms/req, sb | PostGraphile | PostgreSQL ms/req, sb | PostGraphile |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.op} | ${f0(r.rps.sb)} | ${f0(r.rps.postgraphile)} | ${f2(r.rps.sb / r.rps.postgraphile)} | ${f2(r.statements.sb)} (${f2(r.dataStatements.sb)}) | ${f2(r.statements.postgraphile)} (${f2(r.dataStatements.postgraphile)}) | ${f2(r.cpuMs.sb)} | ${f2(r.cpuMs.postgraphile)} | ${f2(r.pgMs.sb)} | ${f2(r.pgMs.postgraphile)} |`,
    );
  }
  return lines.join('\n');
}

const databaseUrl = await createBenchDatabase(DB);
const servers: Server[] = [];
try {
  await mkdir(TMP, { recursive: true });
  const output = path.join(TMP, 'service');
  await scaffoldFromDb({ connectionString: databaseUrl, api: 'graphql', framework: FRAMEWORK, output }, {});
  // The generated limits.ts as it is: the list operation costs 4650, under the default maxCost of 5000.
  servers.push(await startPostgraphile(databaseUrl), await startSb(output, databaseUrl));
  const byApi = Object.fromEntries(servers.map((s) => [s.api, s])) as Record<Api, Server>;
  const rows: Row[] = [];
  for (const op of OPERATIONS) {
    for (const s of servers) await verify(s.url, op, s.api);
    // Warm both (JIT, pools, PostGraphile's plan cache) before anything is measured.
    for (const s of servers) await load(s, op, { duration: 2, concurrency: CONNECTIONS });
    const row: Row = { op: op.name, levels: op.levels, rps: { sb: 0, postgraphile: 0 }, runs: { sb: [], postgraphile: [] }, statements: { sb: 0, postgraphile: 0 }, dataStatements: { sb: 0, postgraphile: 0 }, cpuMs: { sb: 0, postgraphile: 0 }, pgMs: { sb: 0, postgraphile: 0 } };
    const cpu: Record<Api, number[]> = { sb: [], postgraphile: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const api of round % 2 === 0 ? (['sb', 'postgraphile'] as const) : (['postgraphile', 'sb'] as const)) {
        const m = await measure(byApi[api], op);
        row.runs[api].push(Math.round(m.rps));
        cpu[api].push(m.cpuPerRequest);
      }
    }
    for (const api of ['sb', 'postgraphile'] as const) {
      row.rps[api] = median(row.runs[api]);
      row.cpuMs[api] = median(cpu[api]);
      const st = await statements(byApi[api], op);
      row.statements[api] = st.all;
      row.dataStatements[api] = st.data;
      row.pgMs[api] = st.pgMs;
    }
    rows.push(row);
    console.log(`${op.name}: sb ${row.runs.sb.join(' ')} req/s, PostGraphile ${row.runs.postgraphile.join(' ')} req/s`);
  }
  const load1 = loadavg().map((l) => l.toFixed(1)).join(' ');
  const header = `sb (${FRAMEWORK}, scaffoldFromDb --api graphql) vs PostGraphile 5 (Amber, grafserv node), Node ${process.version}, ${ROWS.authors}/${ROWS.books}/${ROWS.reviews} authors/books/reviews, ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} alternating runs (median), load average ${load1} on ${(await import('node:os')).cpus().length} cores`;
  console.log(`\n${header}\n\n${table(rows)}`);
  await mkdir(path.join(HERE, '..', 'results'), { recursive: true });
  await writeFile(path.join(HERE, '..', 'results', 'graphql.json'), `${JSON.stringify({ header, loadavg: loadavg(), rows }, null, 2)}\n`);
} finally {
  for (const s of servers) await s.stop();
  await dropBenchDatabase(DB);
  await rm(TMP, { recursive: true, force: true });
}
