/**
 * One measured job, in its own process so timings and peak memory do not leak between tools:
 *   scaffold-job.ts scaffold <spec> <framework> <outDir> [regen]
 *   scaffold-job.ts openapi-typescript <spec> <outFile>
 *   scaffold-job.ts spec <dir> [no-cache]
 *   scaffold-job.ts tsc <dir>
 * Prints one JSON line: { wallMs, cpuMs, maxRssMb, detail }.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const [tool, a, b, c, d] = process.argv.slice(2);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let detail: unknown;
if (tool === 'scaffold') {
  const { scaffold } = await import('../src/index.js');
  const r = await scaffold({ spec: a!, framework: b as 'express', output: c! });
  if (d === 'regen') {
    // Regenerate after a one-operation edit, as a user does: the spec file gains one operation (in an existing
    // tag, so a handler file gets a stub appended) and `sb scaffold` runs again on the same output folder.
    const { readFile } = await import('node:fs/promises');
    const doc = JSON.parse(await readFile(a!, 'utf8')) as { paths: Record<string, unknown> };
    doc.paths['/sb-bench/ping'] = { get: { operationId: 'sbBenchPing', tags: ['meta'], responses: { '204': { description: 'pong' } } } };
    const edited = `${c!.replace(/\/$/, '')}-edited-spec.json`;
    await writeFile(edited, JSON.stringify(doc, null, 2));
    const t1 = performance.now();
    const again = await scaffold({ spec: edited, framework: b as 'express', output: c! });
    const regenMs = Math.round(performance.now() - t1);
    const t2 = performance.now();
    await scaffold({ spec: edited, framework: b as 'express', output: c!, noCache: true });
    detail = { firstMs: Math.round(t1 - t0), regenMs, regenWithoutCacheMs: Math.round(performance.now() - t2), created: again.handlers.created.length, written: again.files.filter((f) => f.status !== 'unchanged').map((f) => f.path) };
  } else detail = { operations: r.operations, schemas: r.schemas, files: r.files.length, warnings: r.warnings.length };
} else if (tool === 'openapi-typescript') {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(pathToFileURL(a!));
  const out = astToString(ast);
  await writeFile(b!, out);
  detail = { bytes: out.length };
} else if (tool === 'spec') {
  const { specFromRoutes } = await import('../src/index.js');
  const r = await specFromRoutes({ input: a!, noCache: b === 'no-cache' });
  detail = { operations: r.routes.length, schemas: Object.keys(r.document.components?.schemas ?? {}).length, cached: r.cached === true };
} else if (tool === 'tsc') {
  const { typecheck } = await import('../test/support/typecheck.js');
  const diagnostics = typecheck(a!);
  detail = { errors: diagnostics.length, first: diagnostics.slice(0, 3) };
} else throw new Error(`unknown job ${tool}`);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), detail }));
