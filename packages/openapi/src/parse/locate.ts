import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
import { parsePointer } from '../pointer/pointer.js';

/** Maps a JSON pointer to a 1-based file:line:column; undefined when the spec has no file (an in-memory document). */
export type Locator = (pointer: string) => { file: string; line: number; column: number } | undefined;

/**
 * A locator over the source text. The text is parsed with `yaml` (JSON is YAML) lazily, on the first
 * lookup, so that the happy path never pays for positions. A pointer that goes past what exists resolves to
 * the deepest key that does.
 *
 * @example
 * ```ts
 * const locate = createLocator('api.yaml', 'openapi: 3.1.0\ninfo:\n  title: t\n');
 * locate('#/info/title'); // { file: 'api.yaml', line: 3, column: 3 }
 * ```
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
    // Walk down as far as the pointer exists, remembering where the last key (not its value) starts.
    let node: unknown = cache.doc.contents;
    let offset = isNode(node) && node.range ? node.range[0] : 0;
    for (const key of keys) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
        if (!pair) break;
        if (isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
        next = pair.value;
      } else if (isSeq(node)) {
        next = node.items[Number(key)];
        if (!isNode(next)) break;
        if (next.range) offset = next.range[0];
      } else break;
      node = next;
    }
    const pos = cache.lines.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
}
