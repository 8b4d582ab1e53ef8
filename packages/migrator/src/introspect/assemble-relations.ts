import type { Column, Grant, Index, Policy, Table, Trigger, View } from '../snapshot/types.js';
import { quoteIdent } from '../sql/quote.js';
import { stripNotValid } from './read-types.js';

type Row = Record<string, unknown>;

/** The raw rows of the relation queries, keyed by relation oid. */
export interface RelationRows {
  relations: Row[];
  columns: Row[];
  constraints: Row[];
  indexes: Row[];
  triggers: Row[];
  policies: Row[];
  viewDependencies: Row[];
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function groupByOid(rows: Row[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rows) {
    const oid = String(row['oid']);
    let list = map.get(oid);
    if (!list) map.set(oid, (list = []));
    list.push(row);
  }
  return map;
}

function toColumn(r: Row): Column {
  return {
    name: String(r['name']),
    type: String(r['type']),
    nullable: Boolean(r['nullable']),
    default: str(r['default']),
    identity: (r['identity'] as Column['identity']) ?? null,
    identityOptions: str(r['identity_options']),
    generated: str(r['generated']),
    collation: str(r['collation']),
    local: Boolean(r['local']),
    comment: str(r['comment']),
  };
}

/** Splits `pg_get_indexdef` output into the parts we compare: the name and table are not among them. */
export function toIndex(r: Row): Index {
  const definition = String(r['definition']);
  const at = definition.indexOf(' USING ');
  return {
    name: String(r['name']),
    unique: Boolean(r['unique']),
    method: String(r['method']),
    using: definition.slice(at + 1),
    columns: (r['columns'] as string[]).map(String),
    predicate: str(r['predicate']),
    only: / ON ONLY /.test(definition.slice(0, at)),
    comment: str(r['comment']),
  };
}

const toTrigger = (r: Row): Trigger => ({ name: String(r['name']), definition: String(r['definition']), function: String(r['function']) });

const toPolicy = (r: Row): Policy => ({
  name: String(r['name']),
  permissive: Boolean(r['permissive']),
  command: String(r['command']),
  roles: (r['roles'] as string[]).map(String),
  using: str(r['using']),
  withCheck: str(r['with_check']),
});

function toGrants(value: unknown): Grant[] {
  return ((value as Grant[] | null) ?? [])
    .map((g) => ({ grantee: String(g.grantee), privilege: String(g.privilege), grantable: Boolean(g.grantable) }))
    .sort((a, b) => `${a.grantee}/${a.privilege}`.localeCompare(`${b.grantee}/${b.privilege}`));
}

function fillConstraints(table: Table, rows: Row[]): void {
  for (const r of rows) {
    const name = String(r['name']);
    const definition = stripNotValid(String(r['definition']));
    const columns = (r['columns'] as string[]).map(String);
    const deferrable = Boolean(r['deferrable']);
    const initiallyDeferred = Boolean(r['deferred']);
    switch (r['type']) {
      case 'p':
        table.primaryKey = { name, columns, definition };
        break;
      case 'u':
        table.uniqueConstraints.push({ name, columns, definition, deferrable, initiallyDeferred });
        break;
      case 'f':
        table.foreignKeys.push({
          name,
          columns,
          references: { schema: String(r['ref_schema']), table: String(r['ref_table']), columns: (r['ref_columns'] as string[]).map(String) },
          onDelete: String(r['on_delete']),
          onUpdate: String(r['on_update']),
          deferrable,
          initiallyDeferred,
          validated: Boolean(r['validated']),
          definition,
        });
        break;
      case 'c':
        table.checks.push({ name, definition, validated: Boolean(r['validated']) });
        break;
      case 'x':
        table.exclusions.push({ name, definition });
        break;
    }
  }
}

/** `USING INDEX <raw name>` from the catalog becomes `USING INDEX "name"`, quoted by us. */
function replicaIdentity(value: string | null): string {
  if (value === null) return 'DEFAULT';
  return value.startsWith('USING INDEX ') ? `USING INDEX ${quoteIdent(value.slice('USING INDEX '.length))}` : value;
}

/** Builds tables and views from the rows of the relation queries. */
export async function assembleRelations(rows: RelationRows): Promise<{ tables: Table[]; views: View[] }> {
  const columns = groupByOid(rows.columns);
  const constraints = groupByOid(rows.constraints);
  const indexes = groupByOid(rows.indexes);
  const triggers = groupByOid(rows.triggers);
  const policies = groupByOid(rows.policies);
  const deps = groupByOid(rows.viewDependencies);
  const tables: Table[] = [];
  const views: View[] = [];
  for (const r of rows.relations) {
    const oid = String(r['oid']);
    const kind = String(r['kind']);
    const common = { schema: String(r['schema']), name: String(r['name']), comment: str(r['comment']), grants: toGrants(r['grants']) };
    const relIndexes = (indexes.get(oid) ?? []).map(toIndex);
    const relTriggers = (triggers.get(oid) ?? []).map(toTrigger);
    if (kind === 'v' || kind === 'm') {
      views.push({
        ...common,
        materialized: kind === 'm',
        definition: String(r['view_definition']).trim(),
        columns: (columns.get(oid) ?? []).map((c) => ({ name: String(c['name']), type: String(c['type']) })),
        dependsOn: (deps.get(oid) ?? []).map((d) => String(d['ref'])).sort(),
        options: ((r['options'] as string[] | null) ?? []).map(String),
        indexes: relIndexes,
        triggers: relTriggers,
      });
      continue;
    }
    const table: Table = {
      schema: common.schema,
      name: common.name,
      kind: kind === 'p' ? 'partitioned' : 'table',
      unlogged: Boolean(r['unlogged']),
      replicaIdentity: replicaIdentity(str(r['replica_identity'])),
      partitionKey: str(r['partition_key']),
      partitionOf: (r['partition_of'] as Table['partitionOf']) ?? null,
      inherits: ((r['inherits'] as string[] | null) ?? []).map(String),
      columns: (columns.get(oid) ?? []).map(toColumn),
      primaryKey: null,
      foreignKeys: [],
      uniqueConstraints: [],
      checks: [],
      exclusions: [],
      indexes: relIndexes,
      triggers: relTriggers,
      rowLevelSecurity: Boolean(r['rls']),
      forceRowLevelSecurity: Boolean(r['force_rls']),
      policies: (policies.get(oid) ?? []).map(toPolicy),
      grants: common.grants,
      comment: common.comment,
    };
    fillConstraints(table, constraints.get(oid) ?? []);
    tables.push(table);
  }
  return { tables, views };
}
