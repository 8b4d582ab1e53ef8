import { MigratorError } from '../errors.js';

/** Meta-commands pg_dump writes that change nothing in the schema: skipped. */
const SKIPPED = new Set(['restrict', 'unrestrict']);

/**
 * psql meta-commands in a schema file. Current `pg_dump` wraps its output in `\restrict KEY` …
 * `\unrestrict KEY` (a psql guard against a malicious server): those lines become comments, so line
 * numbers stay true. Any other meta-command (`\connect`, `\set`, `\i`, `\gexec`, …) would need psql to
 * mean anything, so it is refused with file:line instead of being half-honoured.
 *
 * A backslash counts only outside strings, quoted names, dollar-quoted bodies and comments, where psql
 * itself would read it.
 */
export function stripPsqlMetaCommands(text: string, file: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === "'" || c === '"') {
      const escapes = c === "'" && /[eE]/.test(text[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(text[i - 2] ?? '');
      i = skipQuoted(text, i, c, escapes, () => line++);
    } else if (c === '-' && text[i + 1] === '-') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      i = skipBlockComment(text, i, () => line++);
    } else if (c === '$') {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64))?.[0];
      if (tag && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
        const end = text.indexOf(tag, i + tag.length);
        const stop = end < 0 ? n : end + tag.length;
        for (let k = i; k < stop; k++) if (text[k] === '\n') line++;
        i = stop;
      } else i++;
    } else if (c === '\\') {
      const eol = text.indexOf('\n', i);
      const command = text.slice(i, eol < 0 ? n : eol);
      const name = /^\\([A-Za-z!?]+|\S)/.exec(command)?.[1] ?? '';
      if (!SKIPPED.has(name)) {
        throw new MigratorError(
          'MIGRATOR_SCHEMA_LOAD_FAILED',
          `${file}:${line}: psql meta-command "\\${name}" is not supported in a schema file (only pg_dump's \\restrict and \\unrestrict are skipped): remove it, or load the file with psql into a database and pass --connection`,
        );
      }
      out += `${text.slice(last, i)}-- ${command.slice(1)}`;
      i = eol < 0 ? n : eol;
      last = i;
    } else i++;
  }
  return out + text.slice(last);
}

function skipQuoted(text: string, start: number, quote: string, escapes: boolean, onLine: () => void): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\n') onLine();
    if (escapes && text[i] === '\\') {
      if (text[i + 1] === '\n') onLine();
      i += 2;
    } else if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}

function skipBlockComment(text: string, start: number, onLine: () => void): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      if (text[i] === '\n') onLine();
      i++;
    }
  }
  return i;
}
