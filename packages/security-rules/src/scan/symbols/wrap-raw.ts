import type { Node, ts } from 'ts-morph';

type Wrap = { _getNodeFromCompilerNode(n: ts.Node): Node };

/**
 * The ts-morph node of a raw node, through ts-morph's own wrapper cache (so it is the same Node object everywhere);
 * `via` is any node of the same project.
 */
export function wrapRaw<T extends Node = Node>(n: ts.Node, via: Node): T {
  // oxlint-disable-next-line no-underscore-dangle
  return (via as unknown as Wrap)._getNodeFromCompilerNode(n) as T;
}
