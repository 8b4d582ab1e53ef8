/**
 * Routes → OpenAPI: `specFromRoutes` against swagger-autogen (the comment-driven peer the issue names; tsoa
 * needs decorators, so it cannot read the same code) on the same generated Express app: N routers × 5
 * typed routes. Prints wall time, the operations each found, and how many got typed request bodies and
 * response schemas, and the time ratio; then the same again with nothing changed (cached), and `sb spec` on the app
 * generated from GitHub's description (time, CPU, peak RSS). `BENCH_ROUTERS` sets N (default 40 → 200 operations).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { specFromRoutes } from '../src/index.js';

const ROUTERS = Number(process.env['BENCH_ROUTERS'] ?? 40);
const DIR = fileURLToPath(new URL(`./.tmp/routes-${process.pid}/`, import.meta.url));

function routerFile(i: number): string {
  const T = `Item${i}`;
  return `import { Router, type Request, type Response } from 'express';
export interface ${T} { id: number; name: string; tags: string[]; createdAt: Date; status: 'on' | 'off' }
export interface New${T} { name: string; tags?: string[] }
interface Err { error: { code: string; message: string } }
export const router${i} = Router();
router${i}.get('/', list${T});
router${i}.post('/', create${T});
router${i}.get('/:id', get${T});
router${i}.put('/:id', replace${T});
router${i}.delete('/:id', delete${T});
async function list${T}(req: Request<{}, ${T}[], unknown, { limit?: string }>, res: Response<${T}[]>) { res.json([]); }
async function create${T}(req: Request<{}, ${T} | Err, New${T}>, res: Response) {
  if (!req.body.name) return res.status(400).json({ error: { code: 'BAD', message: 'name' } } as Err);
  res.status(201).json({ id: 1, name: req.body.name, tags: [], createdAt: new Date(), status: 'on' } as ${T});
}
async function get${T}(req: Request<{ id: string }>, res: Response) {
  if (req.params.id === '0') return res.status(404).json({ error: { code: 'NF', message: 'x' } } as Err);
  res.json({ id: 1, name: 'x', tags: [], createdAt: new Date(), status: 'on' } as ${T});
}
async function replace${T}(req: Request<{ id: string }, ${T}, New${T}>, res: Response<${T}>) { res.json({ id: 1, name: req.body.name, tags: [], createdAt: new Date(), status: 'on' }); }
async function delete${T}(req: Request<{ id: string }>, res: Response) { res.sendStatus(204); }
`;
}

async function setup(): Promise<void> {
  await mkdir(DIR, { recursive: true });
  const imports: string[] = [];
  const mounts: string[] = [];
  for (let i = 0; i < ROUTERS; i++) {
    await writeFile(path.join(DIR, `router${i}.ts`), routerFile(i));
    imports.push(`import { router${i} } from './router${i}';`);
    mounts.push(`app.use('/items${i}', router${i});`);
  }
  await writeFile(path.join(DIR, 'app.ts'), `import express from 'express';\n${imports.join('\n')}\nexport const app = express();\napp.use(express.json());\n${mounts.join('\n')}\n`);
}

type Doc = { paths?: Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, { content?: unknown; schema?: unknown }> }>> };

function quality(doc: Doc): { operations: number; bodies: number; typedResponses: number } {
  let operations = 0, bodies = 0, typedResponses = 0;
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item)) {
      operations++;
      if (op.requestBody) bodies++;
      if (Object.values(op.responses ?? {}).some((r) => r.content || r.schema)) typedResponses++;
    }
  }
  return { operations, bodies, typedResponses };
}

/** `sb spec` on the app `sb scaffold` generates from GitHub's description (1,223 operations), in its own process. */
async function githubSized(): Promise<void> {
  const spec = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
  const out = path.join(DIR, 'github-express');
  const job = (...args: string[]): { wallMs: number; cpuMs: number; maxRssMb: number; detail: unknown } =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./scaffold-job.ts', import.meta.url)), ...args], { encoding: 'utf8' }).trim().split('\n').pop()!) as never;
  job('scaffold', spec, 'express', out);
  for (const mode of ['no-cache', 'cached']) {
    const r = job('spec', out, mode);
    console.log(`sb spec on GitHub's generated express app (${mode}): ${(r.wallMs / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU, ${r.maxRssMb} MB peak RSS ${JSON.stringify(r.detail)}`);
  }
}

async function main(): Promise<void> {
  await setup();
  try {
    let t = performance.now();
    const ours = await specFromRoutes({ input: DIR }); // a fresh folder: cold, and it fills the cache
    const oursMs = performance.now() - t;
    const swaggerAutogen = createRequire(import.meta.url)('swagger-autogen') as (o: object) => (out: string, files: string[], doc: object) => Promise<false | { data: Doc }>;
    t = performance.now();
    const theirs = await swaggerAutogen({ openapi: '3.0.0', disableLogs: true, disableWarnings: true })(path.join(DIR, 'autogen.json'), [path.join(DIR, 'app.ts')], { info: { title: 'bench' } });
    const theirsMs = performance.now() - t;
    const row = (name: string, ms: number, q: ReturnType<typeof quality>) =>
      console.log(`${name.padEnd(16)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${q.operations} operations, ${q.bodies} request bodies, ${q.typedResponses} with typed responses`);
    console.log(`routes → spec, ${ROUTERS} Express routers × 5 typed routes`);
    row('sb spec', oursMs, quality(ours.document as Doc));
    row('swagger-autogen', theirsMs, theirs ? quality(theirs.data) : { operations: 0, bodies: 0, typedResponses: 0 });
    console.log(`time ratio sb / swagger-autogen: ${(oursMs / theirsMs).toFixed(2)}× (swagger-autogen reads text and comments, no types)`);
    t = performance.now();
    const again = await specFromRoutes({ input: DIR });
    console.log(`sb spec again, nothing changed: ${((performance.now() - t) / 1000).toFixed(2)} s (cached: ${again.cached === true})`);
    await githubSized();
  } finally {
    if (!process.env['BENCH_KEEP']) await rm(DIR, { recursive: true, force: true });
  }
}

await main();
