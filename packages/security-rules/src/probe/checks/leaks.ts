/**
 * Recognises server internals in a response body: a JavaScript stack trace, a file path with line numbers,
 * or a database error message. Returns the matching line (cut short) or undefined.
 *
 * @example
 * findLeak('TypeError: x\n    at handler (/app/src/routes.ts:12:5)'); // '    at handler (/app/src/routes.ts:12:5)'
 */
export function findLeak(body: string): string | undefined {
  const text = body.length > 65_536 ? body.slice(0, 65_536) : body;
  for (const pattern of LEAKS) {
    const match = pattern.exec(text);
    if (match) return tidy(match[0]);
  }
  return undefined;
}

const LEAKS: readonly RegExp[] = [
  // V8 stack frames, also HTML-escaped or JSON-escaped ("\n    at ...")
  /(?:^|\\n|<br>|\n)(?:\s|&nbsp;)*at (?:async )?[\w$.<>[\] &;]*\(?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^\n)]*:\d+:\d+\)?/,
  /node:internal\/[\w/]+(?:\.js)?:\d+/,
  /node_modules[\\/][^\s"'<]+\.[cm]?js:\d+/,
  // PostgreSQL / MySQL / SQLite driver messages
  /syntax error at or near \\?"/,
  /\bER_[A-Z_]+:|\bSQLITE_[A-Z]+:/,
  /relation "[^"]+" does not exist/,
];

/** The matched text without HTML line breaks, entities or escaped newlines around it. */
function tidy(text: string): string {
  return text
    .replace(/<br\s*\/?>|&nbsp;|\\n/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}
