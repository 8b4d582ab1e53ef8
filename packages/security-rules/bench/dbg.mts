import { scan } from '/work/wt/corpus/packages/security-rules/src/index.js';
for (const app of process.argv.slice(2)) {
  const r = await scan({ paths: [`/tmp/sb-corpus/${app}`] });
  console.log(`== ${app}: ${r.routes.length} routes`);
  for (const rt of r.routes) console.log('  ', rt.route, `${rt.file}:${rt.line}`, rt.chain.join(' → '));
  for (const f of r.findings) console.log(`  ${f.confidence === 'taint-confirmed' ? 'C' : '-'} ${f.ruleId} ${f.location.file}:${f.location.line} ${f.route ?? ''} ${f.message.slice(0, 100)}`);
}
