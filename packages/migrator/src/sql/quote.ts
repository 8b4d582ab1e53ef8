/**
 * The one place where names and values are put into SQL. Catalog names and input can be hostile
 * (`x"; drop table t; --`, a line break followed by `-- migrate:down`), so nothing is ever
 * interpolated unquoted, and no generated statement ever carries a raw control character:
 *
 * - identifiers are double-quoted with `"` doubled; a name with a control character is written in the
 *   `U&"…"` form, which spells each one as a `\XXXX` escape;
 * - literals are single-quoted with `'` doubled; a value with a backslash or a control character is
 *   written as an `E'…'` string (backslashes doubled, control characters as `\uXXXX`), so the result
 *   reads the same whatever `standard_conforming_strings` is.
 *
 * PostgreSQL cannot store NUL in a name or a text value: both functions throw on it rather than write
 * SQL the server would reject.
 */
import { MigratorError } from '../errors.js';

/** `"name"` with embedded double quotes doubled, or `U&"…"` when the name has a control character. */
export function quoteIdent(name: string): string {
  refuseNul(name, 'name');
  if (!hasControl(name)) return `"${name.replaceAll('"', '""')}"`;
  let body = '';
  for (const c of name) body += c === '\\' ? '\\\\' : c === '"' ? '""' : isControl(c) ? `\\${hex4(c)}` : c;
  return `U&"${body}"`;
}

/** `"schema"."name"`, or just `"name"` when no schema is given. */
export function quoteQualified(schema: string | undefined, name: string): string {
  return schema ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
}

/** `'value'` with quotes doubled; `E'…'` with backslashes doubled and control characters escaped when it has either. */
export function quoteLiteral(value: string): string {
  refuseNul(value, 'value');
  const body = value.replaceAll("'", "''");
  if (!body.includes('\\') && !hasControl(body)) return `'${body}'`;
  let escaped = '';
  for (const c of body) escaped += c === '\\' ? '\\\\' : isControl(c) ? `\\u${hex4(c)}` : c;
  return `E'${escaped}'`;
}

/** `'value'`, or `NULL` for null: for COMMENT ON. */
export function literalOrNull(value: string | null): string {
  return value === null ? 'NULL' : quoteLiteral(value);
}

/**
 * A PostgreSQL identifier built from parts (`orders_user_id_idx`): lower-case ASCII, digits and `_`,
 * at most 63 bytes (NAMEDATALEN - 1), so the name PostgreSQL stores is the name we wrote.
 */
export function safeName(parts: string[], suffix: string): string {
  const body =
    parts
      .map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''))
      .filter(Boolean)
      .join('_') || 'x';
  const max = 63 - suffix.length - 1;
  return `${body.slice(0, max).replace(/_+$/, '')}_${suffix}`;
}

function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

function hasControl(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(s);
}

function hex4(c: string): string {
  return c.charCodeAt(0).toString(16).padStart(4, '0');
}

function refuseNul(s: string, what: string): void {
  if (s.includes('\u0000')) {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `a ${what} with a NUL character cannot be written as SQL: PostgreSQL cannot store it (${JSON.stringify(s.slice(0, 40))})`);
  }
}
