/**
 * What `sb spec` loses of a spec it gave code for: spec → `scaffold()` → `specFromRoutes()`, then every fact of
 * the input (a keyword's value at a JSON pointer) inside the operations, the webhooks and the component schemas
 * they use is looked up at the same pointer of the output. Prints one row per keyword that lost something.
 *   node --import tsx bench/round-trip-loss.ts [spec] [framework]   (default: GitHub's REST description, express)
 *
 * Exits 1 when anything is lost. The input is first rewritten the ways the output states the same thing (not losses): path-level parameters
 * on each operation, 3.0 `x-webhooks` as 3.1 `webhooks`, `nullable: true` as a `"null"` member of `type`, 3.0
 * boolean `exclusiveMinimum`/`exclusiveMaximum` as numbers.
 */
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { scaffold, specFromRoutes, type Framework } from '../src/index.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Keywords whose value is compared whole. */
const WHOLE = new Set(['example', 'examples', 'default', 'enum', 'const', 'security', 'required', 'type', 'tags']);

const require = createRequire(import.meta.url);
const specFile = process.argv[2] ?? require.resolve('@octokit/openapi/generated/api.github.com.json');
const framework = (process.argv[3] ?? 'express') as Framework;

function load(text: string, file: string): Json {
  return (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as Json;
}

/** The input as the output would state it (see the header). */
function restate(doc: Json): Json {
  const out = structuredClone(doc);
  if (out['x-webhooks'] !== undefined && out['webhooks'] === undefined) {
    out['webhooks'] = out['x-webhooks'];
    delete out['x-webhooks'];
  }
  for (const key of ['paths', 'webhooks']) {
    for (const item of Object.values((out[key] as Json | undefined) ?? {})) {
      if (!isObject(item) || !Array.isArray(item['parameters'])) continue;
      const shared = item['parameters'] as Json[];
      delete item['parameters'];
      for (const m of METHODS) {
        const op = item[m];
        if (!isObject(op)) continue;
        const own = (op['parameters'] as Json[] | undefined) ?? [];
        const k = (p: Json): string => `${String(p['in'])}:${String(p['name'] ?? p['$ref'])}`;
        op['parameters'] = [...shared.filter((p) => !own.some((o) => k(o) === k(p))), ...own];
      }
    }
  }
  const fix = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(fix);
    if (!isObject(v)) return;
    if (v['nullable'] === true && v['type'] !== undefined) {
      v['type'] = [...(Array.isArray(v['type']) ? v['type'] : [v['type']]), 'null'];
      if (Array.isArray(v['enum']) && !v['enum'].includes(null)) v['enum'] = [...v['enum'], null];
      delete v['nullable'];
    } else if (v['nullable'] === true) {
      // As the spec doctor states it: `anyOf: [the schema, {type: null}]`, annotations staying outside.
      delete v['nullable'];
      const rest: Json = {};
      for (const [k, x] of Object.entries(v)) {
        if (['description', 'title', 'default', 'readOnly', 'writeOnly', 'deprecated'].includes(k)) continue;
        rest[k] = x;
        delete v[k];
      }
      v['anyOf'] = [rest, { type: 'null' }];
    } else if (v['nullable'] === false) delete v['nullable'];
    for (const [k, b] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      if (v[k] === true && typeof v[b] === 'number') {
        v[k] = v[b];
        delete v[b];
      } else if (v[k] === false) delete v[k];
    }
    Object.values(v).forEach(fix);
  };
  fix(out);
  return out;
}

/** Every `pointer → value` fact under `v`; `keyword` is the key the value sits under. */
function facts(v: unknown, pointer: string, out: Map<string, string>): void {
  if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      const p = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if ((WHOLE.has(k) && pointer !== '#/components') || pointer === '#/components/examples' || !(isObject(x) || Array.isArray(x))) out.set(p, JSON.stringify(x));
      else facts(x, p, out);
    }
  } else if (Array.isArray(v)) {
    if (v.every((x) => !(isObject(x) || Array.isArray(x)))) out.set(pointer, JSON.stringify(v));
    else v.forEach((x, i) => facts(x, `${pointer}/${i}`, out));
  }
}

/** The component pointers the operations and webhooks reach. */
function usedComponents(doc: Json): Set<string> {
  const used = new Set<string>();
  const at = (ref: string): unknown => ref.slice(2).split('/').reduce<unknown>((o, k) => (isObject(o) ? o[k.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), doc);
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string' && x.startsWith('#/components/')) {
          const top = x.split('/').slice(0, 4).join('/');
          if (!used.has(top)) {
            used.add(top);
            visit(at(top));
          }
        } else visit(x);
      }
    }
  };
  visit([doc['paths'], doc['webhooks']]);
  for (const req of [doc['security'], ...Object.values((doc['paths'] as Json | undefined) ?? {}).flatMap((i) => (isObject(i) ? METHODS.map((m) => (isObject(i[m]) ? i[m]['security'] : undefined)) : []))]) {
    if (Array.isArray(req)) for (const r of req) if (isObject(r)) for (const n of Object.keys(r)) used.add(`#/components/securitySchemes/${n}`);
  }
  return used;
}

const dir = fileURLToPath(new URL(`./.tmp/loss-${process.pid}/`, import.meta.url));
try {
  const input = restate(load(await readFile(specFile, 'utf8'), specFile));
  await scaffold({ spec: specFile, framework, output: dir });
  const { document } = await specFromRoutes({ input: dir });
  const output = document as unknown as Json;
  const want = new Map<string, string>();
  facts({ paths: input['paths'], webhooks: input['webhooks'], security: input['security'] }, '#', want);
  const comps: Json = isObject(input['components']) ? input['components'] : {};
  for (const ptr of usedComponents(input)) {
    const [, , kind, name] = ptr.split('/');
    const group = comps[kind!];
    const value = isObject(group) ? group[name!.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (kind === 'examples') want.set(ptr, JSON.stringify(value)); // one fact: the whole example
    else facts(value, ptr, want);
  }
  const got = new Map<string, string>();
  facts(output, '#', got);
  const byKeyword = new Map<string, { total: number; lost: number; example?: string }>();
  for (const [ptr, value] of want) {
    const keyword = ptr.startsWith('#/components/examples/') ? 'components.examples' : ptr.slice(ptr.lastIndexOf('/') + 1).replace(/^\d+$/, '(array item)');
    const row = byKeyword.get(keyword) ?? { total: 0, lost: 0 };
    row.total++;
    if (got.get(ptr) !== value) {
      row.lost++;
      row.example ??= ptr;
    }
    byKeyword.set(keyword, row);
  }
  const lost = [...byKeyword].filter(([, r]) => r.lost > 0).sort((a, b) => b[1].lost - a[1].lost);
  const total = [...byKeyword.values()].reduce((n, r) => n + r.total, 0);
  console.log(`${path.basename(specFile)} → sb scaffold --framework ${framework} → sb spec: ${want.size} facts compared (${total} by keyword), ${lost.reduce((n, [, r]) => n + r.lost, 0)} lost`);
  console.log('| keyword | in the input | lost | first lost at |');
  console.log('|---|---:|---:|---|');
  for (const [k, r] of lost) console.log(`| \`${k}\` | ${r.total} | ${r.lost} | \`${r.example}\` |`);
  if (lost.length > 0) process.exitCode = 1;
  for (const k of ['example', 'examples', 'components.examples', 'additionalProperties', 'default', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'enum', 'format', 'type', 'tags', 'summary', 'description', 'operationId', 'security']) {
    const r = byKeyword.get(k);
    if (r && r.lost === 0) console.log(`| \`${k}\` | ${r.total} | 0 | |`);
  }
} finally {
  if (!process.env['BENCH_KEEP']) await rm(dir, { recursive: true, force: true });
}
