/**
 * Quoting for every name and value that ends up in generated SQL: catalog names can be hostile
 * (`"; drop table users; --`), so nothing is ever interpolated unquoted.
 */

/** `"name"` with inner double quotes doubled. */
export function quoteIdent(name: string): string {
  // A line break inside a quoted name could start a line like "-- migrate:down" in a generated file:
  // names with control characters use the U&"…" form, which spells them as \XXXX escapes.
  if ([...name].some(isControl)) {
    const body = [...name]
      .map((c) => (c === '\\' ? '\\\\' : c === '"' ? '""' : isControl(c) ? `\\${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))
      .join('');
    return `U&"${body}"`;
  }
  return `"${name.replace(/"/g, '""')}"`;
}

function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** `"schema"."name"`, or just `"name"` when no schema is given. */
export function quoteQualified(schema: string | undefined, name: string): string {
  return schema ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
}

/** `'value'` with inner single quotes doubled (standard_conforming_strings is on since PostgreSQL 9.1). */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A PostgreSQL identifier built from parts (`orders_user_id_idx`): lower-case ASCII, digits and `_`,
 * at most 63 bytes (NAMEDATALEN - 1), so the name PostgreSQL stores is the name we wrote.
 */
export function safeName(parts: string[], suffix: string): string {
  const body = parts
    .map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''))
    .filter(Boolean)
    .join('_') || 'x';
  const max = 63 - suffix.length - 1;
  return `${body.slice(0, max).replace(/_+$/, '')}_${suffix}`;
}
