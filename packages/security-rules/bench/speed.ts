import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPeer } from './peer-eslint.js';

/** A realistic module: a router with validated and unvalidated routes, a service with SQL, helpers. */
function moduleSource(i: number): string {
  const lines = [
    `import { Router, type Request, type Response } from 'express';`,
    `import { Pool } from 'pg';`,
    `import { z } from 'zod';`,
    `import { helper${(i + 1) % 50} } from '../m${(i + 1) % 50}/helpers.js';`,
    `const pool = new Pool();`,
    `export const router${i} = Router();`,
    `const Body${i} = z.object({ name: z.string(), qty: z.number() });`,
    `export interface Item${i} { id: number; name: string; qty: number; tags: string[] }`,
  ];
  for (let r = 0; r < 6; r++) {
    lines.push(
      `router${i}.get('/items${r}/:id', async (req: Request, res: Response) => {`,
      `  const id = Number(req.params.id);`,
      `  const { rows } = await pool.query('SELECT * FROM items${r} WHERE id = $1', [id]);`,
      `  const items: Item${i}[] = rows.map((x: Item${i}) => ({ ...x, tags: x.tags ?? [] }));`,
      `  res.json(items.filter((x) => x.qty > ${r}).map((x) => helper${(i + 1) % 50}(x.name)));`,
      `});`,
      `router${i}.post('/items${r}', async (req: Request, res: Response) => {`,
      `  const body = Body${i}.parse(req.body);`,
      `  const { rows } = await pool.query('INSERT INTO items${r} (name, qty) VALUES ($1, $2) RETURNING *', [body.name, body.qty]);`,
      `  res.status(201).json(rows[0]);`,
      `});`,
    );
  }
  for (let f = 0; f < 8; f++) {
    lines.push(
      `export function compute${i}_${f}(items: Item${i}[], factor: number): number {`,
      `  let total = 0;`,
      `  for (const it of items) {`,
      `    if (it.qty > factor) total += it.qty * factor;`,
      `    else total -= it.id % (factor + 1);`,
      `  }`,
      `  return Math.round(total / Math.max(1, items.length));`,
      `}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Writes a TypeScript backend of about `lines` lines (express + pg + zod) into `into` (default: a new temp dir). */
export function generateTree(lines: number, into?: string): { dir: string; files: number; lines: number } {
  const dir = into ?? mkdtempSync(join(tmpdir(), 'sb-secscan-bench-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] } }));
  const perFile = moduleSource(0).split('\n').length + 6;
  const n = Math.ceil(lines / perFile);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const d = join(dir, 'src', `m${i % 50}`);
    mkdirSync(d, { recursive: true });
    const src = moduleSource(i);
    writeFileSync(join(d, `routes${i}.ts`), src);
    total += src.split('\n').length;
    if (i < 50) {
      writeFileSync(join(d, 'helpers.ts'), `export function helper${i}(s: string): string {\n  return s.trim().toLowerCase();\n}\n`);
      total += 3;
    }
  }
  return { dir, files: n + Math.min(n, 50), lines: total };
}

export interface SpeedResult {
  readonly files: number;
  readonly lines: number;
  readonly ours: { ms: number; cpuMs: number; filesPerSec: number; rssMb: number; findings: number };
  readonly peer: { ms: number; cpuMs: number; filesPerSec: number; findings: number };
}

/** Times a scan in a fresh process (to measure its peak RSS) and eslint-plugin-security on the same tree. */
export async function speedBench(opts: { lines: number }): Promise<SpeedResult> {
  const tree = generateTree(opts.lines);
  try {
    const script = `import { scan } from ${JSON.stringify(new URL('../src/index.ts', import.meta.url).href)};
const t = performance.now(); const r = await scan({ paths: [${JSON.stringify(join(tree.dir, 'src'))}] });
const u = process.resourceUsage(); console.log(JSON.stringify({ ms: performance.now() - t, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, findings: r.findings.filter((f) => f.confidence === 'taint-confirmed').length, rss: u.maxRSS }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const o = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { ms: number; cpuMs: number; findings: number; rss: number };
    const t = performance.now();
    const cpu = process.cpuUsage();
    const peer = await runPeer(tree.dir, ['src/**/*.ts']);
    const peerMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    return {
      files: tree.files,
      lines: tree.lines,
      ours: { ms: o.ms, cpuMs: o.cpuMs, filesPerSec: tree.files / (o.ms / 1000), rssMb: Math.round(o.rss / 1024), findings: o.findings },
      peer: { ms: peerMs, cpuMs: (used.user + used.system) / 1000, filesPerSec: peer.files / (peerMs / 1000), findings: peer.findings.length },
    };
  } finally {
    rmSync(tree.dir, { recursive: true, force: true });
  }
}
