/**
 * Quoting for every name and value we put into SQL. Names are always double-quoted (so a hostile name
 * such as `x"; drop table t; --` stays one identifier); literals are single-quoted with quotes doubled,
 * and written as E'' strings when they contain a backslash so the result does not depend on
 * `standard_conforming_strings`.
 */

/** `"name"` with embedded double quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `"schema"."name"`. */
export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** `'value'` with quotes doubled; `E'…'` with backslashes doubled when the value has one. */
export function quoteLiteral(value: string): string {
  const body = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${body.replaceAll('\\', '\\\\')}'` : `'${body}'`;
}

/** `'value'`, or `NULL` for null: for COMMENT ON. */
export function literalOrNull(value: string | null): string {
  return value === null ? 'NULL' : quoteLiteral(value);
}
