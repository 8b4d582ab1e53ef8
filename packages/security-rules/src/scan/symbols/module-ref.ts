import { Node, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import { wrapRaw } from './wrap-raw.js';

/**
 * Where a value comes from, in module terms: `{ module: 'child_process', path: ['exec'] }` for `exec` imported,
 * required, destructured, promisified or re-exported from `node:child_process`. A call appends `()`, a `new`
 * appends `new`: `express.Router()` is `{ module: 'express', path: ['Router', '()'] }`.
 */
export interface ModuleRef {
  readonly module: string;
  readonly path: readonly string[];
  readonly promisified?: boolean;
}

/** `node:fs` → `fs`, `fs/promises` → `fs`, `child_process` stays. */
export function normalizeModule(spec: string): string {
  const s = spec.startsWith('node:') ? spec.slice(5) : spec;
  if (s === 'fs/promises') return 'fs';
  if (s === 'dns/promises') return 'dns';
  return s;
}

const isRelative = (spec: string): boolean => spec.startsWith('.') || spec.startsWith('/');
const extend = (r: ModuleRef | undefined, seg: string): ModuleRef | undefined =>
  r === undefined ? undefined : { ...r, path: [...r.path, seg] };

/**
 * How the raw walk reaches the type checker and, for re-exports, ts-morph: any node of the project. The walk
 * itself reads the raw TypeScript AST and wraps nothing (wrapping every callee and declaration it passes was
 * most of the scan's time and memory on large projects).
 */
interface Via {
  readonly checker: ts.TypeChecker;
  readonly node: Node;
}

const cache = new WeakMap<ts.Node, ModuleRef | null>();

/** The module reference of an expression, or undefined when it does not come from a module. */
export function refOf(node: Node, depth = 0): ModuleRef | undefined {
  return refOfRaw(node.compilerNode, node, depth);
}

/**
 * {@link refOf} of a raw node, without wrapping it: `via` is any ts-morph node of the same project (the raw
 * node's source file, typically).
 */
export function refOfRaw(node: ts.Node, via: Node, depth = 0): ModuleRef | undefined {
  return rawRef(node, viaOf(via), depth);
}

const viaOf = (node: Node): Via => ({ checker: node.getProject().getTypeChecker().compilerObject, node });

function rawRef(node: ts.Node, via: Via, depth: number): ModuleRef | undefined {
  if (depth > 25) return undefined;
  const hit = cache.get(node);
  if (hit !== undefined) return hit ?? undefined;
  cache.set(node, null); // cycle guard
  const r = compute(node, via, depth + 1);
  cache.set(node, r ?? null);
  return r;
}

function compute(node: ts.Node, via: Via, depth: number): ModuleRef | undefined {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isAwaitExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) {
    return rawRef(node.expression, via, depth);
  }
  if (ts.isIdentifier(node)) {
    // As ts-morph's getSymbol(): a symbol bound on the node itself first, then the checker's.
    const bound = (node as ts.Node & { symbol?: ts.Symbol }).symbol;
    const decl = (bound ?? via.checker.getSymbolAtLocation(node))?.declarations?.[0];
    return decl === undefined ? undefined : refOfDeclaration(decl, via, depth);
  }
  if (ts.isPropertyAccessExpression(node)) return extend(rawRef(node.expression, via, depth), node.name.text);
  if (ts.isElementAccessExpression(node)) {
    const arg = node.argumentExpression;
    if (ts.isStringLiteral(arg)) return extend(rawRef(node.expression, via, depth), arg.text);
    return undefined;
  }
  if (ts.isCallExpression(node)) return refOfCall(node, via, depth);
  if (ts.isNewExpression(node)) return extend(rawRef(node.expression, via, depth), 'new');
  return undefined;
}

function refOfCall(node: ts.CallExpression, via: Via, depth: number): ModuleRef | undefined {
  const callee = node.expression;
  const arg0 = node.arguments[0];
  if ((callee.kind === SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) && arg0 && ts.isStringLiteral(arg0)) {
    const spec = arg0.text;
    if (isRelative(spec)) return undefined;
    return { module: normalizeModule(spec), path: [] };
  }
  const calleeRef = rawRef(callee, via, depth);
  if (calleeRef?.module === 'util' && calleeRef.path.at(-1) === 'promisify' && arg0) {
    const inner = rawRef(arg0, via, depth);
    return inner === undefined ? undefined : { ...inner, promisified: true };
  }
  return extend(calleeRef, '()');
}

/** The file a module specifier resolves to (as ts-morph's `getModuleSpecifierSourceFile`), wrapped. */
function specifierFile(spec: ts.Expression, via: Via): SourceFile | undefined {
  const decl = via.checker.getSymbolAtLocation(spec)?.declarations?.[0];
  return decl !== undefined && ts.isSourceFile(decl) ? wrapRaw<SourceFile>(decl, via.node) : undefined;
}

const literal = (e: ts.Expression): string | undefined => (ts.isStringLiteralLike(e) ? e.text : undefined);

function fromImport(imp: ts.ImportDeclaration, name: string, via: Via, depth: number): ModuleRef | undefined {
  const spec = literal(imp.moduleSpecifier);
  if (spec === undefined) return undefined;
  if (!isRelative(spec)) return { module: normalizeModule(spec), path: name === 'default' ? [] : [name] };
  const target = specifierFile(imp.moduleSpecifier, via);
  return target ? refOfExport(target, name, depth) : undefined;
}

function refOfDeclaration(decl: ts.Node, via: Via, depth: number): ModuleRef | undefined {
  if (ts.isImportSpecifier(decl)) {
    const n = decl.propertyName ?? decl.name;
    const imp = decl.parent.parent.parent;
    return ts.isImportDeclaration(imp) ? fromImport(imp, ts.isStringLiteral(n) ? n.text : n.getText(), via, depth) : undefined;
  }
  if (ts.isImportClause(decl)) {
    const imp = decl.parent;
    return ts.isImportDeclaration(imp) ? fromImport(imp, 'default', via, depth) : undefined;
  }
  if (ts.isNamespaceImport(decl)) {
    const imp = decl.parent.parent;
    const spec = ts.isImportDeclaration(imp) ? literal(imp.moduleSpecifier) : undefined;
    return spec !== undefined && !isRelative(spec) ? { module: normalizeModule(spec), path: [] } : undefined;
  }
  if (ts.isImportEqualsDeclaration(decl)) {
    const m = /require\(\s*['"]([^'"]+)['"]\s*\)/.exec(decl.moduleReference.getText());
    return m?.[1] !== undefined && !isRelative(m[1]) ? { module: normalizeModule(m[1]), path: [] } : undefined;
  }
  if (ts.isVariableDeclaration(decl)) {
    const init = decl.initializer;
    return init && ts.isIdentifier(decl.name) ? rawRef(init, via, depth) : undefined;
  }
  if (ts.isBindingElement(decl)) {
    const prop = (decl.propertyName ?? decl.name).getText();
    const holder = decl.parent.parent;
    if (ts.isVariableDeclaration(holder)) {
      const init = holder.initializer;
      return init ? extend(rawRef(init, via, depth), prop) : undefined;
    }
    if (ts.isBindingElement(holder)) return extend(refOfDeclaration(holder, via, depth), prop);
  }
  return undefined;
}

/** The module reference of what `file` exports as `name`, following re-exports across files. */
export function refOfExport(file: SourceFile, name: string, depth = 0): ModuleRef | undefined {
  if (depth > 25) return undefined;
  for (const ed of file.getExportDeclarations()) {
    const spec = ed.getModuleSpecifierValue();
    for (const s of ed.getNamedExports()) {
      const exported = s.getAliasNode()?.getText() ?? s.getName();
      if (exported !== name) continue;
      if (spec === undefined) return refOf(s.getNameNode(), depth + 1);
      if (!isRelative(spec)) return { module: normalizeModule(spec), path: s.getName() === 'default' ? [] : [s.getName()] };
      const target = ed.getModuleSpecifierSourceFile();
      return target ? refOfExport(target, s.getName(), depth + 1) : undefined;
    }
    if (ed.isNamespaceExport() && spec !== undefined && !ed.getNamespaceExport()) {
      const target = isRelative(spec) ? ed.getModuleSpecifierSourceFile() : undefined;
      const r = target ? refOfExport(target, name, depth + 1) : undefined;
      if (r) return r;
    }
  }
  if (name === 'default') {
    const ea = file.getExportAssignments().find((e) => !e.isExportEquals());
    return ea ? refOf(ea.getExpression(), depth + 1) : undefined;
  }
  const v = file.getVariableDeclaration(name);
  if (v?.isExported()) return refOfDeclaration(v.compilerNode, viaOf(v), depth + 1);
  return undefined;
}

/** True when `ref` is `module`'s export named one of `names` (the last path segment). */
export function refIs(ref: ModuleRef | undefined, module: string | readonly string[], names?: readonly string[]): boolean {
  if (ref === undefined) return false;
  const mods = typeof module === 'string' ? [module] : module;
  if (!mods.includes(ref.module)) return false;
  if (names === undefined) return true;
  const last = ref.path.at(-1);
  return last !== undefined && names.includes(last);
}
