import { schemaRoots, walkSchema } from '../../openapi/schema-walk.js';
import { getAt, parsePointer, isObject, type Json, type SpecVersion } from '@sb/openapi';
import type { NamedSchema } from './model.js';
import { NameRegistry, pascalCase } from './names.js';

const COMPONENT = /^#\/components\/schemas\/([^/]+)$/;

/**
 * Names every `$ref` target that schemas use: component schemas first (in spec order, so names are stable),
 * then any other pointer a schema refers to. Returns them in that order.
 */
export function collectNamedSchemas(doc: Json, version: SpecVersion): NamedSchema[] {
  const refs = new Set<string>();
  const comps = isObject(doc['components']) && isObject(doc['components']['schemas']) ? doc['components']['schemas'] : {};
  for (const name of Object.keys(comps)) refs.add(`#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  const pending: Json[] = [];
  for (const [root, keys] of schemaRoots(doc)) walkSchema(root, keys, (s) => pending.push(s), version);
  while (pending.length > 0) {
    const s = pending.pop()!;
    const ref = s['$ref'];
    if (typeof ref !== 'string' || refs.has(ref)) continue;
    refs.add(ref);
    const target = getAt(doc, parsePointer(ref) ?? []);
    // A ref into a non-component place: its own subschemas may hold more refs.
    walkSchema(target, [], (sub) => pending.push(sub), version);
  }
  const names = new NameRegistry();
  const out: NamedSchema[] = [];
  for (const ref of refs) {
    const keys = parsePointer(ref) ?? [];
    const target = getAt(doc, keys);
    const schema = isObject(target) ? target : {};
    const m = COMPONENT.exec(ref);
    const base = m ? pascalCase(keys[2] ?? '') : pascalCase(keys.filter((k) => !['components', 'schemas', 'properties', 'content', 'schema', 'items'].includes(k)).slice(-3).join(' '));
    out.push({
      ref,
      typeName: names.claim(base),
      index: out.length,
      schema,
      description: typeof schema['description'] === 'string' ? schema['description'] : undefined,
    });
  }
  return out;
}
