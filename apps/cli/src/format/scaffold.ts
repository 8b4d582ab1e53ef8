import { relative } from 'node:path';
import type { ScaffoldResult, ScaffoldWarning } from '@sb/scaffolder';

const LIST_LIMIT = 15;

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

function warningLines(warnings: readonly ScaffoldWarning[], verbose: boolean): string[] {
  if (warnings.length === 0) return [];
  const lines = [`${warnings.length} warning${warnings.length === 1 ? '' : 's'} (spec quirks normalised or features generated differently):`];
  for (const [code, list] of countBy(warnings, (w) => w.code)) {
    const first = list[0]!;
    lines.push(`  ${code}${list.length > 1 ? ` ×${list.length}` : ''}: ${first.message}`);
    for (const w of verbose ? list : list.slice(0, 3)) lines.push(`      at ${w.pointer}`);
    if (!verbose && list.length > 3) lines.push(`      … ${list.length - 3} more (--verbose or --json lists all)`);
  }
  return lines;
}

/** The human report of `sb scaffold`. */
export function formatScaffoldResult(r: ScaffoldResult, options: { verbose: boolean; dryRun?: boolean }): string {
  const out = relative(process.cwd(), r.output) || '.';
  const verb = options.dryRun ? 'Would generate' : 'Generated';
  const lines = [`${verb} ${r.operations} route handler${r.operations === 1 ? '' : 's'}, validation middleware, and TypeScript types (${out}/…) for ${r.framework} from OpenAPI ${r.specVersion} in ${r.durationMs} ms`];
  const status = countBy(r.files, (f) => f.status);
  lines.push(`  files: ${['created', 'updated', 'unchanged'].map((s) => `${status.get(s)?.length ?? 0} ${s}`).join(', ')}`);
  const created = r.handlers.created;
  if (created.length > 0) {
    lines.push(`  ${created.length} new handler${created.length === 1 ? '' : 's'} to implement:`);
    for (const h of options.verbose ? created : created.slice(0, LIST_LIMIT)) lines.push(`    ${h.file}  ${h.exportName}  ${h.method} ${h.path}`);
    if (!options.verbose && created.length > LIST_LIMIT) lines.push(`    … ${created.length - LIST_LIMIT} more`);
  }
  if (r.project?.root !== undefined && r.project.files.some((f) => f.status === 'created')) {
    const made = r.project.files.filter((f) => f.status === 'created').map((f) => f.path);
    lines.push(`  project: ${made.join(', ')} (${relative(process.cwd(), r.project.root) || '.'}; yours, never overwritten)`);
    lines.push('  next: npm install && npm run build && npm start   (npm test runs the smoke test)');
  }
  if (r.handlers.orphaned.length > 0) {
    lines.push(`  ${r.handlers.orphaned.length} orphaned export${r.handlers.orphaned.length === 1 ? '' : 's'} (no operation in the spec anymore; not deleted):`);
    for (const h of r.handlers.orphaned) lines.push(`    ${h.file}  ${h.exportName}`);
  }
  return [...lines, ...warningLines(r.warnings, options.verbose).map((l) => `  ${l}`)].join('\n');
}
