/**
 * Validation overhead on Fastify: the generated bookshop app (precompiled ajv validators, coercion) against the
 * SAME generated app with every validator replaced by `() => true`, under the same load from @sb/loadtest
 * (closed model, 127.0.0.1 only, bounded). Prints requests/s of both and the ratio per endpoint; the target is
 * ≥ 0.90. `BENCH_SECONDS` (default 3) per measurement, `BENCH_ROUNDS` (default 4) alternating on/off pairs; the
 * reported ratio is the median of the per-pair ratios (robust on a shared, busy machine), with the best of each.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { runLoadTest } from '@sb/loadtest';
import { scaffold } from '../src/index.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const TMP = path.join(HERE, `.tmp/validation-${process.pid}`);
const SPEC = fileURLToPath(new URL('../../../examples/openapi/bookshop/openapi.yaml', import.meta.url));
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 4);

const BOOKS = `
export async function booksList(input) { return { status: 200, body: { items: [{ id: 1, title: 'Dune', q: input.query }], nextCursor: null } }; }
export async function booksCreate(input) { return { status: 201, body: { id: 1, ...input.body } }; }
export async function getBook(input) { return { status: 200, body: { id: input.params.bookId, title: 'Dune', author: { name: 'Herbert' } } }; }
export async function deleteBook() { return { status: 204 }; }
export async function putBooksByBookIdCover() { return { status: 204 }; }
`;

interface Endpoint {
  readonly name: string;
  readonly path: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

const ENDPOINTS: readonly Endpoint[] = [
  { name: 'GET /books?limit=…&genre=…&inStock=… (query coercion)', path: '/books?limit=5&genre=fiction,science&inStock=true' },
  { name: 'GET /books/{bookId} (path coercion, bearer)', path: '/books/7', headers: { authorization: 'Bearer good' } },
  {
    name: 'POST /books (JSON body, bearer)',
    path: '/books',
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer good' },
    body: JSON.stringify({ title: 'Dune', author: { name: 'Frank Herbert' }, genre: 'fiction', price: 9.99, isbn: '978-0441172719', subtitle: null }),
  },
];

async function generate(label: string, validation: boolean): Promise<string> {
  const dir = path.join(TMP, label);
  await scaffold({ spec: SPEC, framework: 'fastify', output: dir, noCache: true });
  await writeFile(path.join(dir, 'handlers/books.ts'), BOOKS, 'utf8');
  if (!validation) {
    for (const mod of ['params', 'bodies']) {
      const names = [...(await readFile(path.join(dir, `validators/${mod}.gen.d.ts`), 'utf8')).matchAll(/export declare const (\S+):/g)].map((m) => m[1]!);
      const code = names.map((n) => `export const ${n} = Object.assign(() => true, { errors: null });`).join('\n');
      await writeFile(path.join(dir, `validators/${mod}.gen.js`), `${code}\nexport {};\n`, 'utf8');
    }
  }
  return dir;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function start(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'serve-job.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'], cwd: HERE });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: (JSON.parse(line) as { url: string }).url, child };
}

async function measure(base: string, e: Endpoint, seconds = SECONDS): Promise<{ rps: number; statuses: string }> {
  const r = await runLoadTest({ url: base + e.path, method: e.method ?? 'GET', headers: e.headers ?? {}, ...(e.body ? { body: e.body } : {}), concurrency: 32, duration: seconds, warmup: 1 });
  return { rps: r.throughput.requestsPerSec, statuses: JSON.stringify(r.statusCodes) };
}

try {
  const dirs = { on: await generate('on', true), off: await generate('off', false) };
  const servers = { on: await start(dirs.on), off: await start(dirs.off) };
  try {
    // Both servers get every endpoint once before anything is measured, so neither is measured cold (JIT).
    for (const e of ENDPOINTS) for (const s of Object.values(servers)) await measure(s.url, e, 1);
    console.log(`Fastify, generated bookshop app, ${SECONDS} s per run, 32 connections, ${ROUNDS} alternating on/off pairs`);
    for (const e of ENDPOINTS) {
      const best = { on: 0, off: 0 };
      const seen = { on: '', off: '' };
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const pair = { on: 0, off: 0 };
        for (const which of round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
          const m = await measure(servers[which].url, e);
          pair[which] = m.rps;
          best[which] = Math.max(best[which], m.rps);
          seen[which] = m.statuses;
        }
        ratios.push(pair.on / pair.off);
      }
      const ratio = median(ratios);
      const spread = `pairs ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(' ')}`;
      console.log(`${e.name}: best on ${best.on.toFixed(0)} req/s ${seen.on}, best off ${best.off.toFixed(0)} req/s ${seen.off}; median on/off ${(ratio * 100).toFixed(1)}% ${ratio >= 0.9 ? '(within 90%)' : '(BELOW 90%)'} (${spread})`);
    }
  } finally {
    for (const s of Object.values(servers)) s.child.kill('SIGTERM');
  }
  console.log(`load average: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await rm(TMP, { recursive: true, force: true });
}
