import { relative } from 'node:path';
import type { ScaffoldDbGraphqlResult, ScaffoldFromDbResult } from '@sb/scaffolder';

/** The human report of `sb scaffold --from-db`: one line per table, the files, then warnings. */
export function formatFromDbResult(r: ScaffoldFromDbResult, options: { dryRun?: boolean }): string {
  const out = relative(process.cwd(), r.scaffold.output) || '.';
  const ops = r.tables.reduce((n, t) => n + t.operations.length, 0);
  const lines = [
    `${options.dryRun ? 'Would generate' : 'Generated'} a ${r.scaffold.framework} CRUD API over ${r.tables.length} table${r.tables.length === 1 ? '' : 's'}: ` +
      `${ops} operations implemented with kysely, validation and types (${out}/…), spec in ${out}/openapi.yaml`,
  ];
  const width = Math.max(...r.tables.map((t) => t.table.length));
  for (const t of r.tables) {
    const how = t.implemented ? (t.readOnly ? 'read-only (no primary key)' : 'implemented') : 'kept your existing handlers';
    lines.push(`  ${t.table.padEnd(width)}  ${t.path.padEnd(20)} ${t.operations.join(', ')}  [${how}]`);
  }
  if (r.files.length > 0) lines.push(`  also wrote: ${r.files.join(', ')}`);
  for (const w of r.warnings) lines.push(`  warning [${w.code}]: ${w.message}`);
  for (const w of r.scaffold.warnings) lines.push(`  warning [${w.code}]: ${w.message} (${w.pointer})`);
  lines.push('  run it: DATABASE_URL=… with kysely and pg installed; db/connection.ts is yours to adjust');
  return lines.join('\n');
}

/** The human report of `sb scaffold --from-db --api graphql`: one line per table (type, root fields, relations), the files, warnings. */
export function formatDbGraphqlResult(r: ScaffoldDbGraphqlResult, options: { dryRun?: boolean }): string {
  const out = relative(process.cwd(), r.output) || '.';
  const changed = r.files.filter((f) => f.status !== 'unchanged');
  const lines = [`${options.dryRun ? 'Would generate' : 'Generated'} a ${r.framework} GraphQL service over ${r.tables.length} table${r.tables.length === 1 ? '' : 's'} in ${out}/ (${changed.length} file${changed.length === 1 ? '' : 's'} ${options.dryRun ? 'to write' : 'written'})`];
  const width = Math.max(...r.tables.map((t) => t.table.length));
  const typeWidth = Math.max(...r.tables.map((t) => t.type.length));
  for (const t of r.tables) {
    const fields = [...t.queries, ...t.mutations].join(', ');
    lines.push(`  ${t.table.padEnd(width)}  ${t.type.padEnd(typeWidth)}  ${fields}${t.relations.length ? `  (${t.relations.join(', ')})` : ''}`);
  }
  for (const w of r.warnings) lines.push(`  warning [${w.code}]: ${w.message}`);
  lines.push(`  run it: cd ${out} && npm install && npm run build && DATABASE_URL=… PORT=3000 npm start   # serves /graphql; limits in limits.ts`);
  return lines.join('\n');
}
