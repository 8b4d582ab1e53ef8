/**
 * One measured job, in its own process so timings and peak memory do not leak between tools:
 *   scaffold-job.ts scaffold <spec> <framework> <outDir> [regen]
 *   scaffold-job.ts openapi-typescript <spec> <outFile>
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
    // Regenerate after a one-operation edit: the spec gains one operation.
    const { readFile } = await import('node:fs/promises');
    const doc = JSON.parse(await readFile(a!, 'utf8')) as { paths: Record<string, unknown> };
    doc.paths['/sb-bench/ping'] = { get: { operationId: 'sbBenchPing', tags: ['meta'], responses: { '204': { description: 'pong' } } } };
    const t1 = performance.now();
    const again = await scaffold({ spec: doc, framework: b as 'express', output: c! });
    detail = { firstMs: Math.round(t1 - t0), regenMs: Math.round(performance.now() - t1), created: again.handlers.created.length };
  } else detail = { operations: r.operations, schemas: r.schemas, files: r.files.length, warnings: r.warnings.length };
} else if (tool === 'openapi-typescript') {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(pathToFileURL(a!));
  const out = astToString(ast);
  await writeFile(b!, out);
  detail = { bytes: out.length };
} else if (tool === 'tsc') {
  const { typecheck } = await import('../test/support/typecheck.js');
  const diagnostics = typecheck(a!);
  detail = { errors: diagnostics.length, first: diagnostics.slice(0, 3) };
} else throw new Error(`unknown job ${tool}`);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), detail }));
