import { filterColumns, sortableColumns } from '../spec/build-spec.js';
import type { ResourceNames } from '../model/resource-names.js';
import type { TableModel } from '../model/table-model.js';

const q = (s: string): string => JSON.stringify(s);
const list = (xs: readonly string[]): string => `[${xs.map(q).join(', ')}]`;

/** The operation ids generated for a table, with the body of each handler (kysely, bound parameters only). */
export function handlerBodies(t: TableModel, n: ResourceNames): Map<string, string> {
  const out = new Map<string, string>([[`list${n.plural}`, listBody(t)]]);
  if (t.primaryKey.length === 0) return out;
  const key = `keyWhere(${list(t.primaryKey)}, [${t.primaryKey.map((c) => `input.params[${q(c)}]`).join(', ')}])`;
  const from = q(t.dbKey);
  const label = q(t.name);
  out.set(`get${n.singular}`, [
        'try {',
    `  const row = await db.selectFrom(${from}).selectAll().where(${key}).executeTakeFirst();`,
    `  if (!row) return notFound(ctx, ${label});`,
    '  return { status: 200, body: toJson(row) };',
    '} catch (err) {',
    '  return readError(ctx, err);',
    '}',
  ].join('\n'));
  out.set(`create${n.singular}`, [
        'try {',
    `  const row = await db.insertInto(${from}).values(input.body).returningAll().executeTakeFirstOrThrow();`,
    '  return { status: 201, body: toJson(row) };',
    '} catch (err) {',
    '  return writeError(ctx, err);',
    '}',
  ].join('\n'));
  if (updatable(t)) out.set(`update${n.singular}`, [
        'try {',
    `  const row = await db.updateTable(${from}).set(input.body).where(${key}).returningAll().executeTakeFirst();`,
    `  if (!row) return notFound(ctx, ${label});`,
    '  return { status: 200, body: toJson(row) };',
    '} catch (err) {',
    '  return writeError(ctx, err);',
    '}',
  ].join('\n'));
  out.set(`delete${n.singular}`, [
        'try {',
    `  const result = await db.deleteFrom(${from}).where(${key}).executeTakeFirst();`,
    `  if (result.numDeletedRows === 0n) return notFound(ctx, ${label});`,
    '  return { status: 204 };',
    '} catch (err) {',
    '  return writeError(ctx, err);',
    '}',
  ].join('\n'));
  return out;
}

function listBody(t: TableModel): string {
  const sortable = sortableColumns(t);
  const pk = t.primaryKey;
  const lines = [
        'const q = input.query;',
    'const limit = q["limit"] ?? 20;',
    'const offset = q["offset"] ?? 0;',
  ];
  if (sortable.length > 0) lines.push(`const sort: string = q["sort"] ?? ${q(pk[0] ?? sortable[0]!)};`, 'const desc = q["order"] === "desc";');
  lines.push('try {', `  let query = db.selectFrom(${q(t.dbKey)}).selectAll();`);
  for (const c of filterColumns(t)) lines.push(`  if (q[${q(c.name)}] !== undefined) query = query.where(eq(${q(c.name)}, q[${q(c.name)}]));`);
  if (pk.length > 0) {
    lines.push(
      '  if (q["cursor"] !== undefined) {',
      `    const key = decodeCursor(q["cursor"], ${pk.length});`,
      `    if (!key || sort !== ${q(pk[0]!)}) return badRequest(ctx, "cursor", "is not a cursor of this listing (cursors follow the primary key order; with sort, use offset)");`,
      `    query = query.where(afterKey(${list(pk)}, key, desc));`,
      '  }',
    );
  }
  if (sortable.length > 0) {
    lines.push('  query = query.orderBy(sql.id(sort), desc ? "desc" : "asc");');
    for (const c of pk) lines.push(`  if (sort !== ${q(c)}) query = query.orderBy(sql.id(${q(c)}), desc ? "desc" : "asc");`);
  }
  lines.push(
    '  const rows = await query.limit(limit + 1).offset(offset).execute();',
    '  const page = rows.slice(0, limit);',
    '  const last = page[page.length - 1];',
    pk.length > 0
      ? `  const nextCursor = rows.length > limit && last ? encodeCursor([${pk.map((c) => `last[${q(c)}]`).join(', ')}]) : null;`
      : '  const nextCursor = null;',
    '  return { status: 200, body: toJson({ items: page, nextCursor }) };',
    '} catch (err) {',
    '  return readError(ctx, err);',
    '}',
  );
  return lines.join('\n');
}

/** A table whose every column is in the key or read-only has nothing to PATCH. */
export function updatable(t: TableModel): boolean {
  return t.columns.some((c) => !c.serverOwned && !t.primaryKey.includes(c.name));
}
