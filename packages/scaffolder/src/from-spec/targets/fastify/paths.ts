import { templateParts } from '../route-order.js';

/**
 * An OpenAPI path as a find-my-way (Fastify) route: parameters become `:p0`, `:p1`…, a literal `:` is
 * doubled. Returns undefined for what find-my-way cannot express (a `*` in literal text, a parameter
 * directly followed by a letter or digit).
 */
export function toFastifyPath(path: string): { route: string; names: string[] } | undefined {
  const names: string[] = [];
  let route = '';
  const parts = templateParts(path);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.literal.includes('*') || part.literal.includes('(')) return undefined;
    route += part.literal.replace(/:/g, '::');
    if (part.param === undefined) continue;
    const next = parts[i + 1]?.literal.charAt(0) ?? '';
    if (next !== '' && !'/-.'.includes(next)) return undefined;
    route += `:p${names.length}`;
    names.push(part.param);
  }
  return { route, names };
}
