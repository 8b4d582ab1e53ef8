import { LineCounter, parseDocument } from 'yaml';
import { OpenApiError } from '../errors.js';
import type { SpecProblem } from '../problems.js';
import { createLocator, type Locator } from './locate.js';

/**
 * Parses a spec's text: JSON with `JSON.parse` when it looks like JSON, else (or when that fails) YAML, whose
 * parser reports every syntax error with its line and column. `file` is how positions name the file.
 * Throws `OPENAPI_SPEC_PARSE` listing every syntax error.
 */
export function parseSpecText(file: string, text: string): { doc: unknown; locate: Locator } {
  const trimmed = text.trimStart();
  if (file.endsWith('.json') || trimmed.startsWith('{')) {
    try {
      return { doc: JSON.parse(text) as unknown, locate: createLocator(file, text) };
    } catch {
      // Fall through to the YAML parser, which reports a line and column.
    }
  }
  const lines = new LineCounter();
  const ydoc = parseDocument(text, { lineCounter: lines });
  if (ydoc.errors.length > 0) {
    const problems: SpecProblem[] = ydoc.errors.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return { pointer: '#', message: `not valid YAML/JSON: ${e.message.split('\n')[0] ?? e.message}`, location: { file, line: pos.line, column: pos.col } };
    });
    throw OpenApiError.ofProblems('OPENAPI_SPEC_PARSE', problems);
  }
  return { doc: ydoc.toJS({ maxAliasCount: -1 }) as unknown, locate: createLocator(file, text, { doc: ydoc, lines }) };
}
