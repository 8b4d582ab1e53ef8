import SwaggerParser from '@apidevtools/swagger-parser';

/**
 * What a round trip must preserve, with the information TypeScript types cannot carry removed: for each
 * operation its parameters (in, name, required, schema), request body (required, media types, schema) and
 * responses (status → schema). Schemas are dereferenced (component names do not matter), `integer` reads as
 * `number`, 3.0 `nullable` as a `null` type, and formats, constraints, descriptions and examples are dropped.
 */
export async function normalizeSpec(spec: string | object): Promise<Record<string, unknown>> {
  const doc = (await SwaggerParser.dereference(typeof spec === 'string' ? spec : structuredClone(spec) as never)) as {
    paths?: Record<string, Record<string, Record<string, unknown>>>;
  };
  const out: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const shared = (item['parameters'] as unknown as Param[] | undefined) ?? [];
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      const op = item[method];
      if (!op) continue;
      const params = [...shared.filter((s) => !((op['parameters'] as Param[] | undefined) ?? []).some((p) => p.name === s.name && p.in === s.in)), ...((op['parameters'] as Param[] | undefined) ?? [])];
      out[`${method.toUpperCase()} ${path}`] = {
        parameters: params
          // HTTP header names are case-insensitive: generated code reads them lower-cased.
          .map((p) => [p.in, p.in === 'header' ? p.name.toLowerCase() : p.name, p.in === 'path' || p.required === true, norm(p.schema)])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))),
        requestBody: body(op['requestBody'] as Body | undefined),
        responses: Object.fromEntries(
          // A status range (4XX) is typed `status: number`, like `default`: the range itself does not survive.
          Object.entries((op['responses'] as Record<string, Body> | undefined) ?? {}).map(([status, r]) => [/^[1-5]XX$/i.test(status) ? 'default' : status, firstSchema(r)]),
        ),
      };
    }
  }
  return out;
}

interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
}
interface Body {
  required?: boolean;
  content?: Record<string, { schema?: unknown }>;
}

function body(b: Body | undefined): unknown {
  if (!b) return null;
  const media = Object.keys(b.content ?? {}).sort();
  // Multipart and other non-JSON bodies are not typed by the generated code: only their media types survive.
  const typed = media.some((m) => /json|x-www-form-urlencoded/.test(m));
  return { required: b.required === true, media, schema: typed ? firstSchema(b) : null };
}

function firstSchema(b: Body): unknown {
  const media = Object.values(b.content ?? {})[0];
  return media?.schema === undefined ? null : norm(media.schema);
}

type S = Record<string, unknown>;

function norm(input: unknown, stack: unknown[] = []): unknown {
  if (typeof input !== 'object' || input === null) return {};
  if (stack.includes(input)) return '[recursive]';
  const next = [...stack, input];
  let s = input as S;
  if (Array.isArray(s['allOf']) && s['allOf'].length === 1) {
    return norm({ ...(s['allOf'][0] as S), ...(s['nullable'] === true ? { nullable: true } : {}) }, next);
  }
  if (Array.isArray(s['allOf'])) {
    const parts = (s['allOf'] as S[]).map((p) => norm(p, next) as S);
    const merged: S = { type: ['object'], properties: {}, required: [] };
    for (const p of parts) {
      Object.assign(merged['properties'] as S, p['properties'] ?? {});
      (merged['required'] as string[]).push(...((p['required'] as string[] | undefined) ?? []));
    }
    merged['required'] = [...new Set(merged['required'] as string[])].sort();
    return merged;
  }
  const alts = (s['oneOf'] ?? s['anyOf']) as S[] | undefined;
  let nullable = s['nullable'] === true;
  if (Array.isArray(alts)) {
    const nonNull = alts.filter((a) => a['type'] !== 'null');
    nullable ||= nonNull.length < alts.length;
    if (nonNull.length === 1) s = { ...nonNull[0], ...(nullable ? { nullable: true } : {}) };
    else {
      const members = nonNull.map((a) => JSON.stringify(norm(a, next))).sort();
      return nullable ? { oneOf: members, nullable: true } : { oneOf: members };
    }
    return norm(s, next);
  }
  const out: S = {};
  const types = new Set<string>((Array.isArray(s['type']) ? s['type'] : s['type'] ? [s['type']] : []).map((t: string) => (t === 'integer' ? 'number' : t)));
  if (nullable) types.add('null');
  if (types.size === 0 && s['properties']) types.add('object');
  if (types.size) out['type'] = [...types].sort();
  const values = s['enum'] ?? (s['const'] !== undefined ? [s['const']] : undefined);
  if (Array.isArray(values)) out['enum'] = [...new Set(values.filter((v) => v !== null).map((v) => JSON.stringify(v)))].sort();
  if (s['properties']) out['properties'] = Object.fromEntries(Object.entries(s['properties'] as S).map(([k, v]) => [k, norm(v, next)]));
  if (Array.isArray(s['required']) && s['required'].length) out['required'] = [...(s['required'] as string[])].sort();
  if (s['items']) out['items'] = norm(s['items'], next);
  if (typeof s['additionalProperties'] === 'object') out['additionalProperties'] = norm(s['additionalProperties'], next);
  return out;
}
