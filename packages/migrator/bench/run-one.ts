/**
 * One measured run in its own process (so peak memory is that tool's alone):
 * `node --import tsx bench/run-one.ts <sb|migra> <fromUrl> <toUrl>` prints `{ ms, maxRssMb, statements }`.
 */
import { performance } from 'node:perf_hooks';

const [tool, from, to] = process.argv.slice(2) as [string, string, string];
const start = performance.now();
let statements = 0;
let importMs = 0;
if (tool === 'sb') {
  const { diffSchemas } = await import('../dist/index.js');
  importMs = performance.now() - start;
  const plan = await diffSchemas({ from: { connection: from }, to: { connection: to } });
  statements = plan.up.length;
} else {
  const { run } = await import('@pgkit/migra');
  importMs = performance.now() - start;
  const migration = await run(from, to, { unsafe: true });
  statements = migration.statements.array.length;
  // @pgkit/client keeps pools open; the process is ended below.
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, importMs, maxRssMb: process.resourceUsage().maxRSS / 1024, statements }));
process.exit(0);
