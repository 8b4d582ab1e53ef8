import type { Column } from '../snapshot/types.js';
import type { DiffContext } from './context.js';

/** What changing a column's type means for data and locks. */
export interface TypeChange {
  /** Why data may be lost, or null for a widening change. */
  destructive: string | null;
  /** True when PostgreSQL rewrites the table. */
  rewrite: boolean;
  /** The USING expression for the column reference. */
  using: (column: string) => string;
}

const INT_RANK: Record<string, number> = { smallint: 1, integer: 2, bigint: 3 };

function varcharLength(type: string): number | null | undefined {
  if (type === 'text' || type === 'character varying') return null; // unbounded
  const m = /^character varying\((\d+)\)$/.exec(type);
  return m ? Number(m[1]) : undefined;
}

function numericSpec(type: string): { p: number; s: number } | null | undefined {
  if (type === 'numeric') return null;
  const m = /^numeric\((\d+),(\d+)\)$/.exec(type);
  return m ? { p: Number(m[1]), s: Number(m[2]) } : undefined;
}

const enumNames = new WeakMap<DiffContext, Set<string>>();

/**
 * Classifies a column type change: widening (int → bigint, varchar(n) → text, numeric precision up,
 * enum → text) keeps every value; anything else may lose or reject data and is destructive.
 */
export function classifyTypeChange(ctx: DiffContext, from: Column, to: Column): TypeChange {
  let enums = enumNames.get(ctx);
  if (!enums) enumNames.set(ctx, (enums = new Set([...ctx.from.enums, ...ctx.to.enums].map((e) => e.typeName))));
  const base = (t: string) => t.replace(/\[\]$/, '');
  const viaText = enums.has(base(from.type)) || enums.has(base(to.type)) || ctx.recreatedEnums.has(base(to.type));
  const array = to.type.endsWith('[]');
  const using = (column: string) => (viaText ? `${column}::text${array ? '[]' : ''}::${to.type}` : `${column}::${to.type}`);
  const a = from.type;
  const b = to.type;
  if (a === b) return { destructive: null, rewrite: ctx.recreatedEnums.has(base(b)) || from.collation !== to.collation, using };
  const ia = INT_RANK[a];
  const ib = INT_RANK[b];
  if (ia !== undefined && (ib !== undefined ? ib > ia : b === 'numeric')) return { destructive: null, rewrite: true, using };
  if (a === 'real' && b === 'double precision') return { destructive: null, rewrite: true, using };
  const va = varcharLength(a);
  const vb = varcharLength(b);
  if (va !== undefined && vb !== undefined && (vb === null || (va !== null && vb >= va))) {
    return { destructive: null, rewrite: false, using };
  }
  if (/^character\(\d+\)$/.test(a) && vb === null) return { destructive: null, rewrite: true, using };
  const na = numericSpec(a);
  const nb = numericSpec(b);
  if (na !== undefined && nb !== undefined && (nb === null || (na !== null && nb.s === na.s && nb.p >= na.p))) {
    return { destructive: null, rewrite: false, using };
  }
  if (enums.has(base(a)) && (b === 'text' || vb === null)) return { destructive: null, rewrite: true, using };
  const epoch = epochCast(a, b);
  if (epoch) return { destructive: `PostgreSQL has no cast between ${a} and ${b}: the integers are read as Unix epoch seconds (UTC); edit the USING clause if they mean something else`, rewrite: true, using: epoch };
  return { destructive: 'values that do not convert are lost or make the migration fail', rewrite: true, using };
}

const TIME = new Set(['timestamp without time zone', 'timestamp with time zone', 'date']);

/**
 * integer ↔ timestamp/date have no cast in PostgreSQL: `to_timestamp(c)` reads epoch seconds, and
 * `extract(epoch from c)` writes them; `timestamp` and `date` are taken as UTC.
 */
function epochCast(a: string, b: string): ((column: string) => string) | undefined {
  if (INT_RANK[a] !== undefined && TIME.has(b)) {
    if (b === 'timestamp with time zone') return (c) => `to_timestamp(${c})`;
    return (c) => `(to_timestamp(${c}) AT TIME ZONE 'UTC')::${b}`;
  }
  if (TIME.has(a) && INT_RANK[b] !== undefined) {
    const at = a === 'date' ? (c: string) => `${c}::timestamp without time zone` : (c: string) => c;
    return (c) => `extract(epoch from ${at(c)})::${b}`;
  }
  return undefined;
}
