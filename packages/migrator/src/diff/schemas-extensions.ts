import { Phase } from '../plan/operation.js';
import { quoteQualified, quoteIdent, quoteLiteral } from '../sql/quote.js';
import type { Collation } from '../snapshot/types.js';
import { type DiffContext, matchBy, sameJson } from './context.js';

/** Schemas, extensions and collations. */
export function diffSchemasAndExtensions(ctx: DiffContext): void {
  const ops = ctx.operations;
  const schemas = matchBy(ctx.from.schemas, ctx.to.schemas, (s) => s);
  for (const s of schemas.added) {
    ops.push({ phase: Phase.createSchema, kind: 'create schema', object: s, sql: `CREATE SCHEMA ${quoteIdent(s)};`, transaction: true });
  }
  for (const s of schemas.removed) {
    ops.push({ phase: Phase.dropSchema, kind: 'drop schema', object: s, sql: `DROP SCHEMA ${quoteIdent(s)};`, transaction: true });
  }

  const ext = matchBy(ctx.from.extensions, ctx.to.extensions, (e) => e.name);
  for (const e of ext.added) {
    ops.push({
      phase: Phase.createExtension,
      kind: 'create extension',
      object: e.name,
      sql: `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(e.name)} WITH SCHEMA ${quoteIdent(e.schema)}${
        ctx.options.ignoreExtensionVersions ? '' : ` VERSION ${quoteLiteral(e.version)}`
      };`,
      transaction: true,
    });
  }
  for (const e of ext.removed) {
    ops.push({ phase: Phase.dropExtension, kind: 'drop extension', object: e.name, sql: `DROP EXTENSION ${quoteIdent(e.name)};`, transaction: true });
  }
  for (const [a, b] of ext.both) {
    if (a.schema !== b.schema) {
      ops.push({
        phase: Phase.createExtension,
        kind: 'alter extension',
        object: b.name,
        sql: `ALTER EXTENSION ${quoteIdent(b.name)} SET SCHEMA ${quoteIdent(b.schema)};`,
        transaction: true,
      });
    }
    if (a.version !== b.version && !ctx.options.ignoreExtensionVersions && a.updatePaths && !a.updatePaths.includes(b.version)) {
      // No update script leads there (typically a downgrade): say so instead of writing SQL that fails.
      const why = `extension ${b.name} has no update path from version ${a.version} to ${b.version} on this server`;
      ops.push({
        phase: Phase.createExtension,
        kind: 'update extension',
        object: b.name,
        sql: `-- ${why}: left at ${a.version} (drop and recreate it by hand if you must, with what depends on it).`,
        transaction: true,
        warning: why,
      });
    } else if (a.version !== b.version && !ctx.options.ignoreExtensionVersions) {
      ops.push({
        phase: Phase.createExtension,
        kind: 'update extension',
        object: b.name,
        sql: `ALTER EXTENSION ${quoteIdent(b.name)} UPDATE TO ${quoteLiteral(b.version)};`,
        transaction: true,
      });
    }
  }

  const coll = matchBy(ctx.from.collations, ctx.to.collations, (c) => quoteQualified(c.schema, c.name));
  const create = (c: Collation) =>
    ops.push({ phase: Phase.createType, kind: 'create collation', object: `${c.schema}.${c.name}`, sql: createCollation(c), transaction: true });
  const drop = (c: Collation) =>
    ops.push({
      phase: Phase.dropCollation,
      kind: 'drop collation',
      object: `${c.schema}.${c.name}`,
      sql: `DROP COLLATION ${quoteQualified(c.schema, c.name)};`,
      transaction: true,
    });
  coll.added.forEach(create);
  coll.removed.forEach(drop);
  for (const [a, b] of coll.both) {
    if (!sameJson(a, b)) {
      drop(a);
      create(b);
    }
  }
}

function createCollation(c: Collation): string {
  const parts: string[] = [];
  if (c.provider === 'i') parts.push('provider = icu', `locale = ${quoteLiteral(c.locale ?? '')}`);
  else {
    parts.push('provider = libc');
    if (c.lcCollate === c.lcCtype) parts.push(`locale = ${quoteLiteral(c.lcCollate ?? '')}`);
    else parts.push(`lc_collate = ${quoteLiteral(c.lcCollate ?? '')}`, `lc_ctype = ${quoteLiteral(c.lcCtype ?? '')}`);
  }
  if (!c.deterministic) parts.push('deterministic = false');
  return `CREATE COLLATION ${quoteQualified(c.schema, c.name)} (${parts.join(', ')});`;
}
