import type { SpecFromRoutesResult } from '@sb/scaffolder';

/**
 * The human report of `sb spec`: one line per route (method, path, operation id, source), what could not be
 * inferred indented under it, then warnings and a summary line.
 */
export function formatSpecResult(result: SpecFromRoutesResult, output: string | undefined): string {
  const lines: string[] = [];
  const width = Math.max(...result.routes.map((r) => r.method.length + 1 + r.path.length), 10);
  for (const r of result.routes) {
    const head = `${r.method} ${r.path}`.padEnd(width);
    lines.push(`  ${head}  ${r.operationId ?? '(no operationId)'}  ${r.source}`);
    for (const gap of r.notInferred) lines.push(`      ! ${gap}`);
  }
  for (const w of result.warnings) lines.push(`warning [${w.code}]${w.source ? ` ${w.source}` : ''}: ${w.message}`);
  const gaps = result.routes.filter((r) => r.notInferred.length > 0).length;
  const schemas = Object.keys(result.document.components?.schemas ?? {}).length;
  const operations = new Set(result.routes.map((r) => `${r.method} ${r.path}`)).size;
  lines.push(
    `${output ? `Wrote ${output}: ` : ''}${operations} operations on ${Object.keys(result.document.paths ?? {}).length} paths, ${schemas} schemas, ` +
      `from ${result.files} files in ${(result.durationMs / 1000).toFixed(1)} s${result.cached === true ? ' (no file changed since the last run: its result reused)' : ''}` +
      (gaps ? `; ${gaps} route(s) with parts not inferred (marked !)` : ''),
  );
  return lines.join('\n');
}
