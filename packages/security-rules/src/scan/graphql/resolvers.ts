import { Node } from 'ts-morph';
import type { FunctionLike } from '../symbols/declarations.js';

/** Where a resolver sits: `Mutation.createUser`. */
export interface ResolverSite {
  readonly typeName: string;
  readonly field: string;
  /** The `(parent, args, context, info)` function. */
  readonly fn: FunctionLike;
}

const RESOLVER_MAP_NAME = /resolvers?$/i;
const RESOLVER_TYPE = /^(\w+?)?Resolvers\b/;
const TYPE_NAME = /^[A-Z_]\w*$/;
const FIELD_RESOLVER_TYPE = /^(\w+?)_?Resolvers\[\s*['"](\w+)['"]\s*\]$/;

/**
 * The resolver `fn` is, when it is a field function of a resolver map:
 * `const resolvers = { Query: { user: (parent, args, ctx) => … } }`, `resolvers: { Mutation: { … } }` in
 * server options, or a per-type object typed `QueryResolvers` (as graphql-codegen and sb scaffold write it).
 */
export function resolverSite(fn: Node): ResolverSite | undefined {
  if (!(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn))) return undefined;
  const holder = Node.isMethodDeclaration(fn) ? fn : fn.getParent();
  // export const resolve: QueryResolvers['user'] = async (parent, args, context) => …  (one file per field, as sb scaffold writes)
  if (holder && Node.isVariableDeclaration(holder)) {
    const m = FIELD_RESOLVER_TYPE.exec(holder.getTypeNode()?.getText() ?? '');
    return m?.[1] && m[2] ? { typeName: m[1], field: m[2], fn: fn as FunctionLike } : undefined;
  }
  if (!holder || !(Node.isPropertyAssignment(holder) || Node.isMethodDeclaration(holder))) return undefined;
  const field = holder.getName().replace(/^['"]|['"]$/g, '');
  const typeObject = holder.getParent();
  if (!typeObject || !Node.isObjectLiteralExpression(typeObject)) return undefined;
  const typeHolder = unwrap(typeObject).getParent();
  if (!typeHolder) return undefined;
  // { Query: { field } } inside a resolver map
  if (Node.isPropertyAssignment(typeHolder)) {
    const typeName = typeHolder.getName().replace(/^['"]|['"]$/g, '');
    const map = typeHolder.getParent();
    if (TYPE_NAME.test(typeName) && map && Node.isObjectLiteralExpression(map) && isResolverMap(map)) return { typeName, field, fn: fn as FunctionLike };
    return undefined;
  }
  // const Query: QueryResolvers = { field }
  if (Node.isVariableDeclaration(typeHolder)) {
    const typeText = typeHolder.getTypeNode()?.getText() ?? '';
    const m = RESOLVER_TYPE.exec(typeText);
    if (m) return { typeName: m[1] ?? typeHolder.getName(), field, fn: fn as FunctionLike };
  }
  return undefined;
}

function unwrap(node: Node): Node {
  let cur = node;
  for (let p = cur.getParent(); p && (Node.isAsExpression(p) || Node.isSatisfiesExpression(p) || Node.isParenthesizedExpression(p)); p = p.getParent()) cur = p;
  return cur;
}

/** `const resolvers = {…}`, `resolvers: {…}`, or an object typed `Resolvers` / `IResolvers`. */
function isResolverMap(map: Node): boolean {
  const holder = unwrap(map).getParent();
  if (!holder) return false;
  if (Node.isVariableDeclaration(holder)) return RESOLVER_MAP_NAME.test(holder.getName()) || /Resolvers\b/.test(holder.getTypeNode()?.getText() ?? '');
  if (Node.isPropertyAssignment(holder)) return holder.getName() === 'resolvers';
  if (Node.isReturnStatement(holder) || Node.isArrowFunction(holder)) return false;
  return false;
}

/** The `args` parameter of a resolver (the second), when `param` is one. */
export function isResolverArgs(param: Node): boolean {
  if (!Node.isParameterDeclaration(param)) return false;
  const fn = param.getParent();
  if (!(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn))) return false;
  return fn.getParameters().indexOf(param) === 1 && resolverSite(fn) !== undefined;
}
