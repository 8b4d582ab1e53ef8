import type { Node } from 'ts-morph';
import type { RouteFramework } from '../options.js';
import { frameworkOf } from './framework-of.js';
import type { Mount, Registrations } from './registrations.js';

/** A route with its full path (all mount prefixes applied, still in the framework's `:param` syntax). */
export interface MountedRoute {
  readonly framework: RouteFramework;
  readonly fullPath: string;
}

/**
 * Resolves which framework each container belongs to (its own type or creation, else inherited through
 * mounts) and every full path under which a container's routes are reachable. A container nobody mounts
 * is a root: its routes keep their own paths.
 */
export class MountGraph {
  private readonly frameworks = new Map<Node, RouteFramework | undefined>();
  private readonly parents = new Map<Node, Mount[]>();

  constructor(private readonly reg: Registrations) {
    for (const m of reg.mounts) {
      const list = this.parents.get(m.child) ?? [];
      list.push(m);
      this.parents.set(m.child, list);
    }
  }

  framework(container: Node, seen = new Set<Node>()): RouteFramework | undefined {
    if (this.frameworks.has(container)) return this.frameworks.get(container);
    if (seen.has(container)) return undefined;
    seen.add(container);
    let fw = frameworkOf(container);
    for (const m of this.parents.get(container) ?? []) fw ??= this.framework(m.parent, seen);
    this.frameworks.set(container, fw);
    return fw;
  }

  /** Every prefix the container is mounted under (`['']` for a root), its own prefix included. */
  prefixes(container: Node, seen: ReadonlySet<Node> = new Set()): string[] {
    const own = this.reg.selfPrefixes.get(container) ?? '';
    const parents = (this.parents.get(container) ?? []).filter((m) => !seen.has(m.parent) && this.framework(m.parent) !== undefined);
    if (parents.length === 0) return [own];
    const next = new Set([...seen, container]);
    const out = new Set<string>();
    for (const m of parents) for (const p of this.prefixes(m.parent, next)) out.add(joinPath(joinPath(p, m.prefix), own));
    return [...out];
  }
}

/** Joins URL path pieces with exactly one `/` between them; `/pets` + `/` → `/pets`. */
export function joinPath(a: string, b: string): string {
  if (!b || b === '/') return a || b;
  if (!a || a === '/') return b.startsWith('/') ? b : `/${b}`;
  return `${a.replace(/\/+$/, '')}/${b.replace(/^\/+/, '')}`;
}

/** `/pets/:id` → `/pets/{id}` (also `:id(\\d+)`, `*name`); the names of the path parameters. */
export function toOpenApiPath(path: string): { path: string; params: string[]; unsupported: string | undefined } {
  const params: string[] = [];
  let unsupported: string | undefined;
  let out = path.replace(/:([A-Za-z_$][\w$]*)(\([^)]*\))?(\?)?/g, (_m, name: string, _re, optional) => {
    if (optional) unsupported = `optional path parameter :${name}? (OpenAPI path parameters are always required)`;
    params.push(name);
    return `{${name}}`;
  });
  out = out.replace(/\*([A-Za-z_$][\w$]*)?/g, (_m, name: string | undefined) => {
    const n = name ?? 'wildcard';
    unsupported ??= `wildcard segment ${name ? `*${name}` : '*'} (matches several segments; described as one path parameter)`;
    params.push(n);
    return `{${n}}`;
  });
  if (out.length > 1) out = out.replace(/\/+$/, '');
  return { path: out || '/', params, unsupported };
}
