import type { ScaffoldGraphqlResult } from '@sb/scaffolder';

/** The text report of a schema-first GraphQL scaffold: files, resolver stubs, orphans, next steps. */
export function formatGraphqlResult(r: ScaffoldGraphqlResult, options: { dryRun: boolean }): string {
  const verb = options.dryRun ? 'would write' : 'wrote';
  const changed = r.files.filter((f) => f.status !== 'unchanged');
  const out = [`sb scaffold (GraphQL, ${r.framework}) ${verb} ${changed.length} file(s) in ${r.output}: ${r.types} types, ${r.resolvers.created.length + r.resolvers.existing.length} resolvers`];
  for (const f of changed) out.push(`  ${f.status.padEnd(9)} ${f.kind === 'user' ? 'yours    ' : 'generated'}  ${f.path}`);
  if (r.resolvers.created.length) out.push(`new resolver stubs: ${r.resolvers.created.map((s) => `${s.type}.${s.field}`).join(', ')}`);
  for (const o of r.resolvers.orphans) out.push(`orphan: ${o} (its field is gone from the schema; not deleted)`);
  out.push('', `next: cd ${r.output} && npm install && npm run build && PORT=3000 npm start   # serves /graphql; limits in limits.ts`);
  return out.join('\n');
}
