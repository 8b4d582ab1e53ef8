import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { parsePointer } from './pointer.js';

/** Maps a JSON pointer to a 1-based file:line:column. */
export type Locator = (pointer: string) => { file: string; line: number; column: number } | undefined;

/**
 * A locator over the source text. The text is parsed with `yaml` (JSON is YAML) lazily, on the first
 * lookup, so that the happy path never pays for positions.
 */
export function createLocator(file: string, text: string, parsed?: { doc: Document; lines: LineCounter }): Locator {
  let cache = parsed;
  return (pointer) => {
    if (!cache) {
      const lines = new LineCounter();
      cache = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false }), lines };
    }
    const keys = parsePointer(pointer);
    if (!keys) return undefined;
    // Walk up to the nearest existing node (the problem may be a missing key).
    for (let n = keys.length; n >= 0; n--) {
      const node: unknown = cache.doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = cache.lines.linePos(node.range[0]);
        return { file, line: pos.line, column: pos.col };
      }
      if (n === 0 && cache.doc.contents?.range) {
        const pos = cache.lines.linePos(cache.doc.contents.range[0]);
        return { file, line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

export type { Document, LineCounter };
