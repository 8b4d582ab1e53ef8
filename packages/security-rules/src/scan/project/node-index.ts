import { ts, type KindToNodeMappings, type Node, type SourceFile, SyntaxKind } from 'ts-morph';
import { wrapRaw } from '../symbols/wrap-raw.js';

const INDEXED = new Set<SyntaxKind>([
  SyntaxKind.CallExpression, SyntaxKind.NewExpression, SyntaxKind.VariableDeclaration, SyntaxKind.BinaryExpression,
  SyntaxKind.PropertyAssignment, SyntaxKind.RegularExpressionLiteral, SyntaxKind.StringLiteral, SyntaxKind.NoSubstitutionTemplateLiteral,
]);

/**
 * One walk per file over the raw TypeScript AST, collecting the node kinds rules ask for. ts-morph wraps a node
 * only when a rule takes it, which keeps large projects fast (wrapping every node dominates otherwise).
 */
export class NodeIndex {
  private readonly raw = new Map<SourceFile, Map<SyntaxKind, ts.Node[]>>();

  constructor(readonly files: readonly SourceFile[]) {
    for (const sf of files) {
      const byKind = new Map<SyntaxKind, ts.Node[]>();
      const visit = (n: ts.Node): void => {
        if (INDEXED.has(n.kind)) {
          const list = byKind.get(n.kind);
          if (list) list.push(n);
          else byKind.set(n.kind, [n]);
        }
        ts.forEachChild(n, visit);
      };
      visit(sf.compilerNode);
      this.raw.set(sf, byKind);
    }
  }

  /** Nodes of a kind in one file (or all files), optionally pre-filtered on the raw node before wrapping. */
  ofKind<K extends SyntaxKind>(kind: K, filter?: (n: ts.Node) => boolean, file?: SourceFile): KindToNodeMappings[K][] {
    const out: KindToNodeMappings[K][] = [];
    for (const sf of file ? [file] : this.files) {
      for (const n of this.raw.get(sf)?.get(kind) ?? []) {
        if (filter === undefined || filter(n)) out.push(wrapRaw(n, sf) as KindToNodeMappings[K]);
      }
    }
    return out;
  }

  /** The raw (unwrapped) nodes of a kind in one file, in document order. */
  rawOfKind(kind: SyntaxKind, file: SourceFile): readonly ts.Node[] {
    return this.raw.get(file)?.get(kind) ?? [];
  }

  /** Wraps a raw node of `file` (ts-morph's own wrapper cache: the same Node object everywhere). */
  wrap<T extends Node = Node>(n: ts.Node, file: SourceFile): T {
    return wrapRaw<T>(n, file);
  }

  /**
   * Descendants of `node` of a syntax kind (a node kind, not a token or JSDoc kind), in the order of ts-morph's
   * `getDescendantsOfKind`, pre-filtered on the raw node: only those that pass are wrapped.
   */
  descendantsOfKind<K extends SyntaxKind>(node: Node, kind: K, filter: (n: ts.Node) => boolean): KindToNodeMappings[K][] {
    const out: KindToNodeMappings[K][] = [];
    const sf = node.getSourceFile();
    const visit = (n: ts.Node): void => {
      if (n.kind === kind && filter(n)) out.push(this.wrap(n, sf) as KindToNodeMappings[K]);
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(node.compilerNode, visit);
    return out;
  }

  /** Raw count of indexed nodes of a kind (cheap). */
  has(sf: SourceFile, kind: SyntaxKind): boolean {
    return (this.raw.get(sf)?.get(kind)?.length ?? 0) > 0;
  }
}

/** The name a call's callee ends with: `exec` for `cp.exec(...)` and `exec(...)`, on the raw AST. */
export function rawCalleeName(n: ts.Node): string | undefined {
  if (!ts.isCallExpression(n) && !ts.isNewExpression(n)) return undefined;
  const e = n.expression;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isIdentifier(e)) return e.text;
  return undefined;
}
