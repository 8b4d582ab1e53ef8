import { templateParts } from './route-order.js';

/**
 * An OpenAPI path as a path-to-regexp v8 route (Express 5, @koa/router 15): parameters become `:p0`, `:p1`…
 * (so no spec name is ever parsed as route syntax) and reserved characters in literal text are escaped.
 * Returns the route and the spec's parameter names in placeholder order.
 */
export function toPathToRegexp(path: string): { route: string; names: string[] } {
  const names: string[] = [];
  let route = '';
  const parts = templateParts(path);
  parts.forEach((part, i) => {
    route += part.literal.replace(/[(){}[\]+?!:*\\]/g, (c) => `\\${c}`);
    if (part.param === undefined) return;
    const next = parts[i + 1]?.literal.charAt(0) ?? '';
    const name = `p${names.length}`;
    route += /[A-Za-z0-9_$]/.test(next) ? `:"${name}"` : `:${name}`;
    names.push(part.param);
  });
  return { route, names };
}
