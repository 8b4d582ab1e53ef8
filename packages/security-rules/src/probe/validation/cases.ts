import type { SpecOperation, SpecParameter } from '../spec/spec-operations.js';
import type { JsonSchema } from '../spec/json-schema.js';
import { exampleFor, schemaType, wrongTypeFor } from './example.js';

/** What a case does wrong. */
export type CaseKind = 'wrong-type' | 'missing-required' | 'not-an-object' | 'extra-field' | 'oversized' | 'proto' | 'bad-param';

/** One invalid request for one operation. */
export interface ValidationCase {
  readonly kind: CaseKind;
  /** What was changed, e.g. `email: object instead of string`. */
  readonly label: string;
  readonly method: string;
  /** Concrete path with parameters filled in (and the query string). */
  readonly path: string;
  /** Raw JSON text (raw so that `__proto__` survives as a key). */
  readonly body: string | undefined;
}

/** The marker field name sent by the extra-field and `__proto__` cases; echoed back means it was kept. */
export const EXTRA_FIELD = 'sbProbeUnexpected';
const PER_KIND = 4;

/** The invalid requests to send to one operation: bounded, ~12 at most. */
export function casesFor(op: SpecOperation, oversizedBytes: number): ValidationCase[] {
  const cases: ValidationCase[] = [];
  const path = fillPath(op, undefined);
  const schema = op.body;
  if (schema && schemaType(schema) === 'object') {
    const example = exampleFor(schema);
    const valid = typeof example === 'object' && example !== null && !Array.isArray(example) ? (example as Record<string, unknown>) : {};
    const props = Object.entries(schema.properties ?? {});
    const add = (kind: CaseKind, label: string, body: string): void => {
      cases.push({ kind, label, method: op.method, path, body });
    };
    for (const [name, prop] of props.filter(([, p]) => wrongTypeFor(p) !== undefined).slice(0, PER_KIND)) {
      add('wrong-type', `${name}: ${describe(wrongTypeFor(prop))} instead of ${schemaType(prop)}`, JSON.stringify({ ...valid, [name]: wrongTypeFor(prop) }));
    }
    for (const name of (schema.required ?? []).slice(0, PER_KIND)) {
      const rest = { ...valid };
      delete rest[name];
      add('missing-required', `without required ${name}`, JSON.stringify(rest));
    }
    add('not-an-object', 'a JSON array instead of an object', JSON.stringify([valid]));
    add('extra-field', `unknown field ${EXTRA_FIELD}`, JSON.stringify({ ...valid, [EXTRA_FIELD]: true, isAdmin: true }));
    add('proto', '__proto__ and constructor.prototype keys', `${JSON.stringify(valid).slice(0, -1)}${Object.keys(valid).length ? ',' : ''}"__proto__":{"${EXTRA_FIELD}":true},"constructor":{"prototype":{"${EXTRA_FIELD}":true}}}`);
    add('oversized', `${Math.round(oversizedBytes / 1024)} KiB body`, oversizedBody(valid, props, oversizedBytes));
  }
  for (const param of op.parameters.filter((p) => badValue(p) !== undefined).slice(0, 3)) {
    cases.push({ kind: 'bad-param', label: `${param.in} ${param.name}=${badValue(param)}`, method: op.method, path: fillPath(op, param), body: schema ? JSON.stringify(exampleFor(schema)) : undefined });
  }
  return cases;
}

function oversizedBody(valid: Record<string, unknown>, props: [string, JsonSchema][], bytes: number): string {
  const target = props.find(([, p]) => schemaType(p) === 'string')?.[0] ?? EXTRA_FIELD;
  return JSON.stringify({ ...valid, [target]: 'A'.repeat(bytes) });
}

/** A path or query parameter value of the wrong type or shape for the parameter. */
function badValue(param: SpecParameter): string | undefined {
  const type = schemaType(param.schema);
  if (type === 'integer' || type === 'number') return 'not-a-number';
  if (param.schema['format'] === 'uuid') return 'not-a-uuid';
  if (param.schema.enum?.length) return 'not-in-enum';
  return undefined;
}

/** `/users/{id}` → `/users/1`; the `bad` parameter gets a bad value. Required query parameters are added. */
function fillPath(op: SpecOperation, bad: SpecParameter | undefined): string {
  let path = op.path;
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    const value = p === bad ? (badValue(p) ?? '') : String(exampleFor(p.schema));
    if (p.in === 'path') path = path.split(`{${p.name}}`).join(encodeURIComponent(value));
    else if (p.required || p === bad) query.set(p.name, value);
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}
