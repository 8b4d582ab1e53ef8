import { suggestIndexes } from '../src/index.js';
const r = await suggestIndexes({ connectionString: 'postgres://postgres@127.0.0.1:5433/sb_bench_pgbench', queries: '/tmp/ma-scratch/q.sql' });
for (const q of r.queries) console.log(q.status, q.costBefore, '→', q.costAfter, q.reason ?? '', JSON.stringify(q.index), '\n', q.tried?.map((t) => `${t.columns}${t.include ? ' incl ' + t.include : ''}: ${t.cost}${t.used ? '' : ' (unused)'}`).join('\n '));
