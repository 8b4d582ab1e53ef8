/**
 * The only ways text from a spec enters generated code: as a string literal, a quoted property key, or a
 * comment. Each neutralises what could end the construct early (quotes, backticks, `${`, `*\/`, newlines).
 */

/** A TypeScript string literal (double-quoted, JSON-escaped; also escapes U+2028/2029). */
export function str(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key for a TYPE literal: bare when it is a plain identifier, quoted otherwise. */
export function propKey(name: string): string {
  return IDENT.test(name) ? name : str(name);
}

/** Control characters (but tab and newline) and the Unicode line/paragraph separators. */
function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f || code === 0x2028 || code === 0x2029;
}

/** A JSDoc block, or '' when there is nothing to say. `*\/` and control characters cannot break out. */
export function docComment(lines: readonly (string | undefined)[], indent = ''): string {
  const text = lines
    .filter((l): l is string => typeof l === 'string' && l.trim() !== '')
    .join('\n')
    .replace(/\*\//g, '*\\/')
    .split('')
    .map((c) => (isControl(c) ? ' ' : c))
    .join('')
    .trim();
  if (text === '') return '';
  const body = text.split(/\r?\n|\r/).map((l) => `${indent} * ${l.replace(/\s+$/, '')}`.replace(/\s+$/, ''));
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

/** A JSON value as a TypeScript literal (strings go through {@link str}). */
export function literal(value: unknown): string {
  if (typeof value === 'string') return str(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  return JSON.stringify(value);
}
