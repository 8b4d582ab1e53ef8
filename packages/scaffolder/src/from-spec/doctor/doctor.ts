import type { ScaffoldWarning } from '../../result.js';
import { escapeToken, getAt, parsePointer, isObject, type Json, type SpecVersion } from '@sb/openapi';
import { fixSchema, topLevelRefs, type FixContext } from './fixes.js';
import { schemaRoots, walkSchema, webhookSchemaRoots, type Keys } from '../../openapi/schema-walk.js';

/** What the doctor found and changed. */
export interface DoctorReport {
  readonly warnings: ScaffoldWarning[];
  /** Every `format` used by a schema → the pointer of its first use. */
  readonly formats: ReadonlyMap<string, string>;
}

/**
 * Normalises the quirks real specs have (nullable without type, 3.0 boolean exclusive bounds, duplicate enum
 * items, OpenAPI-only keywords, invalid patterns, self-referencing aliases) IN PLACE, so that every later stage
 * sees plain JSON Schema 2020-12. Each change is a warning with its JSON pointer. Never throws.
 */
export function runDoctor(doc: Json, version: SpecVersion): DoctorReport {
  const ctx: FixContext = { version, warnings: [], formats: new Map() };
  const seen = new Set<object>();
  const refs: string[] = [];
  const fix = (s: Json, k: Keys): void => {
    if (seen.has(s)) return; // shared by reference (e.g. after bundling): fix once
    seen.add(s);
    if (typeof s['$ref'] === 'string') refs.push(s['$ref']);
    fixSchema(s, k, ctx);
  };
  for (const [root, keys] of [...schemaRoots(doc), ...webhookSchemaRoots(doc)]) walkSchema(root, keys, fix, version);
  // A `$ref` into a place no walk enters (3.1 `definitions`, an example, …) still names a schema: fix it too.
  const done = new Set<string>();
  for (let ref = refs.pop(); ref !== undefined; ref = refs.pop()) {
    if (done.has(ref)) continue;
    done.add(ref);
    const keys = parsePointer(ref);
    const target = keys ? getAt(doc, keys) : undefined;
    if (keys && isObject(target) && !seen.has(target)) walkSchema(target, keys, fix, version);
  }
  breakAliasCycles(doc, ctx);
  return { warnings: ctx.warnings, formats: ctx.formats };
}

/**
 * `A: {$ref: B}`, `B: {allOf: [{$ref: A}]}` cannot be a TypeScript alias nor terminate in a validator.
 * Each component on such a cycle loses its cyclic reference (becomes `{}`), with a warning.
 */
function breakAliasCycles(doc: Json, ctx: FixContext): void {
  const comps = isObject(doc['components']) && isObject(doc['components']['schemas']) ? doc['components']['schemas'] : undefined;
  if (!comps) return;
  const prefix = '#/components/schemas/';
  const edges = new Map<string, Set<string>>();
  for (const [name, s] of Object.entries(comps)) {
    const refs = new Set<string>();
    topLevelRefs(s, refs);
    edges.set(
      prefix + escapeToken(name),
      new Set([...refs].filter((r) => r.startsWith(prefix) && !r.slice(prefix.length).includes('/'))),
    );
  }
  const state = new Map<string, 1 | 2>();
  const cyclic = new Set<string>();
  const visit = (n: string, stack: string[]): void => {
    state.set(n, 1);
    for (const m of edges.get(n) ?? []) {
      if (state.get(m) === 1) cyclic.add(n);
      else if (!state.has(m)) visit(m, [...stack, n]);
    }
    state.set(n, 2);
  };
  for (const n of edges.keys()) if (!state.has(n)) visit(n, []);
  for (const ref of cyclic) {
    const name = ref.slice(prefix.length).replace(/~1/g, '/').replace(/~0/g, '~');
    const s = comps[name];
    if (!isObject(s)) continue;
    stripRefs(s, edges.get(ref) ?? new Set());
    ctx.warnings.push({
      code: 'ref-cycle',
      message: `schema ${JSON.stringify(name)} refers to itself without an object or array in between; the cyclic reference is read as any value`,
      pointer: ref,
    });
  }
}

function stripRefs(s: Json, refs: ReadonlySet<string>): void {
  if (typeof s['$ref'] === 'string' && refs.has(s['$ref'])) delete s['$ref'];
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = s[k];
    if (Array.isArray(list)) for (const x of list) if (isObject(x)) stripRefs(x, refs);
  }
}
