import { deref, getAt, HTTP_METHODS, isObject, parsePointer, toPointer, type Json, type Locator, type SpecProblem, type SpecVersion } from '@sb/openapi';
import { schemaRoots, walkSchema } from './schema-walk.js';

const PARAM_IN = new Set(['path', 'query', 'header', 'cookie']);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

/**
 * Checks what generation relies on and collects EVERY problem (not only the first), each with its pointer
 * and, for file specs, its file:line. An empty list means the spec can be generated from.
 */
export function validateSpec(doc: Json, version: SpecVersion, locate: Locator): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const add = (keys: readonly (string | number)[], message: string): void => {
    const pointer = toPointer(keys);
    const location = locate(pointer);
    problems.push(location ? { pointer, message, location } : { pointer, message });
  };
  checkRefs(doc, add);
  const info = doc['info'];
  if (!isObject(info)) add(['info'], 'missing `info` object');
  else {
    if (typeof info['title'] !== 'string') add(['info', 'title'], '`info.title` must be a string');
    if (typeof info['version'] !== 'string') add(['info', 'version'], '`info.version` must be a string');
  }
  const paths = doc['paths'];
  if (paths === undefined) {
    if (version === '3.0') add(['paths'], 'missing `paths` object (required in OpenAPI 3.0)');
  } else if (!isObject(paths)) add(['paths'], '`paths` must be an object');
  else checkPaths(doc, paths, version, add);
  for (const [root, keys] of schemaRoots(doc)) walkSchema(root, keys, (s, k) => checkSchemaType(s, k, add), version);
  return problems;
}

type Add = (keys: readonly (string | number)[], message: string) => void;

function checkRefs(doc: Json, add: Add): void {
  const keys: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v: unknown = node[i];
        if (v === null || typeof v !== 'object') continue;
        keys.push(i);
        visit(v);
        keys.pop();
      }
      return;
    }
    if (!isObject(node)) return;
    const ref = node['$ref'];
    if (typeof ref === 'string' && keys[keys.length - 1] !== 'properties') {
      const target = parsePointer(ref);
      if (!target) add([...keys, '$ref'], `unsupported $ref ${JSON.stringify(ref)} (only local #/… refs remain after bundling)`);
      else if (getAt(doc, target) === undefined) add([...keys, '$ref'], `$ref ${JSON.stringify(ref)} points to nothing`);
    }
    for (const k of Object.keys(node)) {
      const v = node[k];
      if (v === null || typeof v !== 'object') continue;
      keys.push(k);
      visit(v);
      keys.pop();
    }
  };
  visit(doc);
}

function checkPaths(doc: Json, paths: Json, version: SpecVersion, add: Add): void {
  const operationIds = new Map<string, string>();
  for (const [route, rawItem] of Object.entries(paths)) {
    if (route.startsWith('x-')) continue;
    if (!route.startsWith('/')) add(['paths', route], `path ${JSON.stringify(route)} must start with "/"`);
    const item = deref(doc, rawItem, toPointer(['paths', route]));
    if (!item) {
      add(['paths', route], 'path item must be an object');
      continue;
    }
    const templated = [...route.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');
    const shared = collectParams(doc, item.value['parameters'], ['paths', route, 'parameters'], add);
    for (const method of HTTP_METHODS) {
      const op = item.value[method];
      if (op === undefined) continue;
      const at = ['paths', route, method];
      if (!isObject(op)) {
        add(at, 'operation must be an object');
        continue;
      }
      const own = collectParams(doc, op['parameters'], [...at, 'parameters'], add);
      const all = new Map([...shared, ...own]);
      for (const name of templated) {
        const p = all.get(`path:${name}`);
        if (!p) add(at, `path parameter {${name}} is not declared in parameters`);
      }
      for (const [key, p] of all) {
        if (key.startsWith('path:') && !templated.includes(key.slice(5))) add(p.keys, `path parameter ${JSON.stringify(key.slice(5))} does not appear in the path ${route}`);
      }
      if (typeof op['operationId'] === 'string') {
        const prev = operationIds.get(op['operationId']);
        if (prev) add([...at, 'operationId'], `duplicate operationId ${JSON.stringify(op['operationId'])} (also at ${prev})`);
        else operationIds.set(op['operationId'], toPointer(at));
      }
      checkResponses(op['responses'], [...at, 'responses'], version, add);
    }
  }
}

function collectParams(doc: Json, list: unknown, keys: (string | number)[], add: Add): Map<string, { keys: (string | number)[] }> {
  const out = new Map<string, { keys: (string | number)[] }>();
  if (list === undefined) return out;
  if (!Array.isArray(list)) {
    add(keys, '`parameters` must be an array');
    return out;
  }
  list.forEach((raw, i) => {
    const at = [...keys, i];
    const p = deref(doc, raw, toPointer(at));
    if (!p) return; // dangling refs are reported by checkRefs
    const { name, in: loc } = p.value;
    if (typeof name !== 'string' || name === '') add(at, 'parameter needs a non-empty `name`');
    if (typeof loc !== 'string' || !PARAM_IN.has(loc)) add(at, `parameter \`in\` must be one of path, query, header, cookie (got ${JSON.stringify(loc)})`);
    if (loc === 'path' && p.value['required'] !== true) add(at, `path parameter ${JSON.stringify(name)} must have \`required: true\``);
    if (p.value['schema'] === undefined && p.value['content'] === undefined) add(at, `parameter ${JSON.stringify(name)} needs a \`schema\` or \`content\``);
    if (typeof name === 'string' && typeof loc === 'string') {
      const key = `${loc}:${loc === 'header' ? name.toLowerCase() : name}`;
      if (out.has(key)) add(at, `duplicate parameter ${JSON.stringify(name)} in ${loc}`);
      out.set(key, { keys: at });
    }
  });
  return out;
}

function checkResponses(responses: unknown, keys: (string | number)[], version: SpecVersion, add: Add): void {
  if (responses === undefined) {
    if (version === '3.0') add(keys, 'missing `responses` (required in OpenAPI 3.0)');
    return;
  }
  if (!isObject(responses)) {
    add(keys, '`responses` must be an object');
    return;
  }
  for (const code of Object.keys(responses)) {
    if (code.startsWith('x-')) continue;
    if (!/^(default|[1-5](\d\d|XX))$/.test(code)) add([...keys, code], `invalid response status ${JSON.stringify(code)} (expected 100–599, 1XX–5XX or default)`);
  }
}

function checkSchemaType(schema: Json, keys: (string | number)[], add: Add): void {
  const t = schema['type'];
  const bad = typeof t === 'string' ? !TYPES.has(t) : Array.isArray(t) ? t.some((x) => typeof x !== 'string' || !TYPES.has(x)) : t !== undefined;
  if (bad) add([...keys, 'type'], `invalid schema type ${JSON.stringify(t)}`);
}
