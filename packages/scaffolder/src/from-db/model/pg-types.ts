import type { SchemaObject } from 'openapi3-ts/oas31';

/** How one PostgreSQL column type is described in the API (JSON Schema) and in the kysely `Database` type. */
export interface MappedType {
  readonly schema: SchemaObject;
  /** The TypeScript type of a selected value (with the pool's parsers: int8 → number, dates → Date). */
  readonly ts: string;
  /** What may be written (kysely `ColumnType` insert/update side), when different. */
  readonly tsWrite?: string;
  /** False when the type has no faithful JSON form: mapped to `unknown` with a warning. */
  readonly supported: boolean;
  /** Equality filters and sorting make sense on it. */
  readonly scalar: boolean;
}

const SIMPLE: Record<string, Omit<MappedType, 'supported'>> = {
  smallint: { schema: { type: 'integer', format: 'int32' }, ts: 'number', scalar: true },
  integer: { schema: { type: 'integer', format: 'int32' }, ts: 'number', scalar: true },
  bigint: { schema: { type: 'integer', format: 'int64' }, ts: 'number', scalar: true },
  real: { schema: { type: 'number', format: 'float' }, ts: 'number', scalar: true },
  'double precision': { schema: { type: 'number', format: 'double' }, ts: 'number', scalar: true },
  boolean: { schema: { type: 'boolean' }, ts: 'boolean', scalar: true },
  text: { schema: { type: 'string' }, ts: 'string', scalar: true },
  citext: { schema: { type: 'string' }, ts: 'string', scalar: true },
  uuid: { schema: { type: 'string', format: 'uuid' }, ts: 'string', scalar: true },
  date: { schema: { type: 'string', format: 'date' }, ts: 'string', scalar: true },
  inet: { schema: { type: 'string' }, ts: 'string', scalar: true },
  cidr: { schema: { type: 'string' }, ts: 'string', scalar: true },
  macaddr: { schema: { type: 'string' }, ts: 'string', scalar: true },
  'time without time zone': { schema: { type: 'string', format: 'time' }, ts: 'string', scalar: true },
  'time with time zone': { schema: { type: 'string', format: 'time' }, ts: 'string', scalar: true },
  'timestamp without time zone': { schema: { type: 'string', format: 'date-time' }, ts: 'Date', tsWrite: 'Date | string', scalar: true },
  'timestamp with time zone': { schema: { type: 'string', format: 'date-time' }, ts: 'Date', tsWrite: 'Date | string', scalar: true },
  json: { schema: {}, ts: 'unknown', scalar: false },
  jsonb: { schema: {}, ts: 'unknown', scalar: false },
};

/**
 * Maps a `format_type` string (`character varying(40)`, `numeric(10,2)`, `public.mood`, `integer[]`) to JSON
 * Schema and TypeScript. `enums` holds the labels of the database's enum types by qualified name.
 */
export function mapPgType(type: string, enums: ReadonlyMap<string, readonly string[]>): MappedType {
  if (type.endsWith('[]')) {
    const inner = mapPgType(type.slice(0, -2), enums);
    return { schema: { type: 'array', items: inner.schema }, ts: `Array<${inner.ts}>`, supported: inner.supported, scalar: false };
  }
  const name = unquoteQualified(type);
  const labels = enums.get(name) ?? enums.get(`public.${name}`);
  if (labels) return { schema: { type: 'string', enum: [...labels] }, ts: labels.map((l) => JSON.stringify(l)).join(' | ') || 'never', supported: true, scalar: true };
  const sized = /^(character varying|character|varchar|char|bit varying|bit)\((\d+)\)$/.exec(type);
  if (sized && sized[1]!.startsWith('char')) return { schema: { type: 'string', maxLength: Number(sized[2]) }, ts: 'string', supported: true, scalar: true };
  if (type === 'character varying' || type === 'character') return { schema: { type: 'string' }, ts: 'string', supported: true, scalar: true };
  if (/^numeric(\(.*\))?$/.test(type)) return { schema: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' }, ts: 'string', supported: true, scalar: true };
  const base = type.replace(/\(\d+\)/, '');
  const simple = SIMPLE[base];
  if (simple) return { ...simple, supported: true };
  return { schema: {}, ts: 'unknown', supported: false, scalar: false };
}

/** `"mood""x"` → `mood"x`, `billing."Status"` → `billing.Status`: a type name as `format_type` quotes it, unquoted. */
function unquoteQualified(type: string): string {
  const parts = type.match(/"(?:[^"]|"")*"|[^."]+/g) ?? [];
  return parts.map((p) => (p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p)).join('.');
}
