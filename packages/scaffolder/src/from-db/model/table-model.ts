import type { SchemaObject } from 'openapi3-ts/oas31';
import { mapPgType } from './pg-types.js';

/** The parts of `@sb/migrator`'s SchemaSnapshot the generator reads (structural, so no import at load time). */
export interface SnapshotLike {
  enums: { schema: string; name: string; values: string[] }[];
  tables: {
    schema: string;
    name: string;
    kind: string;
    partitionOf: unknown;
    comment: string | null;
    columns: { name: string; type: string; nullable: boolean; default: string | null; identity: string | null; generated: string | null; comment: string | null }[];
    primaryKey: { columns: string[] } | null;
    uniqueConstraints: { columns: string[] }[];
    foreignKeys: { columns: string[]; references: { schema: string; table: string; columns: string[] } }[];
    indexes: { columns: string[]; predicate: string | null }[];
  }[];
}

export interface ColumnModel {
  readonly name: string;
  readonly pgType: string;
  readonly schema: SchemaObject;
  readonly ts: string;
  readonly tsWrite: string | undefined;
  readonly nullable: boolean;
  /** The database fills it when omitted (default, identity, serial). */
  readonly hasDefault: boolean;
  /** Never written, even by your code (generated or `GENERATED ALWAYS AS IDENTITY`): `never` in kysely's types. */
  readonly readOnly: boolean;
  /**
   * Owned by the server, so `readOnly` in the spec and absent from create/update bodies: `readOnly` columns,
   * every identity and serial (`nextval`) column, and (unless `writableTimestamps`) date/time columns whose
   * default is the current time (`now()`, `CURRENT_TIMESTAMP`, …).
   */
  readonly serverOwned: boolean;
  readonly scalar: boolean;
  readonly comment: string | null;
}

export interface TableModel {
  readonly schema: string;
  readonly name: string;
  /** The key of the kysely `Database` interface: `name`, or `schema.name` outside `public`. */
  readonly dbKey: string;
  readonly columns: readonly ColumnModel[];
  /** Primary key columns; empty → read-only routes. */
  readonly primaryKey: readonly string[];
  /** Columns that lead an index, a unique constraint or the primary key: filterable and sortable. */
  readonly indexed: readonly string[];
  /** Foreign keys, in the catalog's order: `columns` of this table reference `references.columns` of another. */
  readonly foreignKeys: readonly ForeignKeyModel[];
  readonly comment: string | null;
}

/** One foreign key of a table. */
export interface ForeignKeyModel {
  readonly columns: readonly string[];
  readonly references: { readonly schema: string; readonly table: string; readonly columns: readonly string[] };
}

export interface ModelWarning {
  readonly code: string;
  readonly message: string;
  readonly table: string;
}

const NOW = /^\s*\(?\s*(now\(\)|current_timestamp|current_date|localtimestamp|statement_timestamp\(\)|transaction_timestamp\(\)|clock_timestamp\(\))/i;

/** Whether the server, not the client, sets a column (see {@link ColumnModel.serverOwned}). */
function serverOwned(c: { type: string; default: string | null; identity: string | null; generated: string | null }, writableTimestamps: boolean): boolean {
  if (c.generated !== null || c.identity !== null) return true;
  if (c.default !== null && /^\s*nextval\(/i.test(c.default)) return true;
  return !writableTimestamps && c.default !== null && /^(timestamp|date|time)/i.test(c.type) && NOW.test(c.default);
}

/** Builds the generator's model from an introspected snapshot; unsupported types and key-less tables warn. */
export function buildModel(snapshot: SnapshotLike, options: { writableTimestamps?: boolean } = {}): { tables: TableModel[]; warnings: ModelWarning[] } {
  const enums = new Map(snapshot.enums.map((e) => [`${e.schema}.${e.name}`, e.values]));
  const warnings: ModelWarning[] = [];
  const tables: TableModel[] = [];
  for (const t of snapshot.tables) {
    if (t.partitionOf) continue; // partitions are reached through their parent
    const label = `${t.schema}.${t.name}`;
    const columns = t.columns.map((c): ColumnModel => {
      const mapped = mapPgType(c.type, enums);
      if (!mapped.supported) warnings.push({ code: 'unsupported-column-type', message: `${label}.${c.name}: type ${c.type} has no JSON mapping; exposed as unknown (any JSON value)`, table: label });
      return {
        name: c.name,
        pgType: c.type,
        schema: mapped.schema,
        ts: mapped.ts,
        tsWrite: mapped.tsWrite,
        nullable: c.nullable,
        hasDefault: c.default !== null || c.identity !== null || c.generated !== null,
        readOnly: c.generated !== null || c.identity === 'always',
        serverOwned: serverOwned(c, options.writableTimestamps === true),
        scalar: mapped.scalar,
        comment: c.comment,
      };
    });
    const primaryKey = t.primaryKey?.columns ?? [];
    if (primaryKey.length === 0) warnings.push({ code: 'table-without-primary-key', message: `${label} has no primary key: only the list route is generated (read-only)`, table: label });
    const leading = [...primaryKey.slice(0, 1), ...t.uniqueConstraints.map((u) => u.columns[0]), ...t.indexes.filter((i) => !i.predicate).map((i) => i.columns[0])];
    const indexed = [...new Set(leading.filter((c): c is string => !!c && columns.some((col) => col.name === c && col.scalar)))];
    const foreignKeys = t.foreignKeys.map((f) => ({ columns: [...f.columns], references: { schema: f.references.schema, table: f.references.table, columns: [...f.references.columns] } }));
    tables.push({ schema: t.schema, name: t.name, dbKey: t.schema === 'public' ? t.name : `${t.schema}.${t.name}`, columns, primaryKey, indexed, foreignKeys, comment: t.comment });
    if (/[."]|\sas\s/i.test(t.name) || t.columns.some((c) => /[."]|\sas\s/i.test(c.name))) {
      warnings.push({ code: 'name-needs-care', message: `${label}: a table or column name contains '.', '"' or ' as '; kysely may misread it`, table: label });
    }
  }
  return { tables, warnings };
}
