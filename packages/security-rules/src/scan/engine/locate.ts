import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { Node } from 'ts-morph';
import type { Location } from '../model/finding.js';

/** A 1-based location of a node, with its line's text for code frames. Paths are relative to `root`. */
export function locate(node: Node, root: string): Location {
  const sf = node.getSourceFile();
  const start = sf.getLineAndColumnAtPos(node.getStart());
  const end = sf.getLineAndColumnAtPos(node.getEnd());
  const lines = sf.getFullText().split('\n');
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
