import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { Node, SourceFile } from 'ts-morph';
import type { Location } from '../model/finding.js';

/** Each file's text split in lines once (a large project has thousands of findings and flow steps per file). */
const linesOf = new WeakMap<SourceFile, string[]>();

/** A 1-based location of a node, with its line's text for code frames. Paths are relative to `root`. */
export function locate(node: Node, root: string): Location {
  const sf = node.getSourceFile();
  const start = sf.getLineAndColumnAtPos(node.getStart());
  const end = sf.getLineAndColumnAtPos(node.getEnd());
  let lines = linesOf.get(sf);
  if (lines === undefined) {
    lines = sf.getFullText().split('\n');
    linesOf.set(sf, lines);
  }
  return {
    file: relative(root, sf.getFilePath()) || sf.getBaseName(),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    snippet: (lines[start.line - 1] ?? '').replace(/\r$/, ''),
  };
}

/** A baseline key that survives line moves: rule, file and the normalised code of the flagged node. */
export function fingerprint(ruleId: string, file: string, node: Node): string {
  const code = node.getText().replace(/\s+/g, ' ').slice(0, 400);
  return createHash('sha256').update(`${ruleId}\0${file}\0${code}`).digest('hex').slice(0, 24);
}
