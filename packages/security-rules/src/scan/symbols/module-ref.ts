import { Node, SyntaxKind, type SourceFile } from 'ts-morph';

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

const cache = new WeakMap<Node, ModuleRef | null>();

/** The module reference of an expression, or undefined when it does not come from a module. */
export function refOf(node: Node, depth = 0): ModuleRef | undefined {
  if (depth > 25) return undefined;
  const hit = cache.get(node);
  if (hit !== undefined) return hit ?? undefined;
  cache.set(node, null); // cycle guard
  const r = compute(node, depth + 1);
  cache.set(node, r ?? null);
  return r;
}

function compute(node: Node, depth: number): ModuleRef | undefined {
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isNonNullExpression(node) || Node.isAwaitExpression(node) || Node.isTypeAssertion(node) || Node.isSatisfiesExpression(node)) {
    return refOf(node.getExpression(), depth);
  }
  if (Node.isIdentifier(node)) {
    const decl = node.getSymbol()?.getDeclarations()[0];
    return decl === undefined ? undefined : refOfDeclaration(decl, depth);
  }
  if (Node.isPropertyAccessExpression(node)) return extend(refOf(node.getExpression(), depth), node.getName());
  if (Node.isElementAccessExpression(node)) {
    const arg = node.getArgumentExpression();
    if (arg && Node.isStringLiteral(arg)) return extend(refOf(node.getExpression(), depth), arg.getLiteralValue());
    return undefined;
  }
  if (Node.isCallExpression(node)) return refOfCall(node, depth);
  if (Node.isNewExpression(node)) return extend(refOf(node.getExpression(), depth), 'new');
  return undefined;
}

function refOfCall(node: Node & { getExpression(): Node; getArguments(): Node[] }, depth: number): ModuleRef | undefined {
  const callee = node.getExpression();
  const arg0 = node.getArguments()[0];
  if ((callee.getKind() === SyntaxKind.ImportKeyword || (Node.isIdentifier(callee) && callee.getText() === 'require')) && arg0 && Node.isStringLiteral(arg0)) {
    const spec = arg0.getLiteralValue();
    if (isRelative(spec)) return undefined;
    return { module: normalizeModule(spec), path: [] };
  }
  const calleeRef = refOf(callee, depth);
  if (calleeRef?.module === 'util' && calleeRef.path.at(-1) === 'promisify' && arg0) {
    const inner = refOf(arg0, depth);
    return inner === undefined ? undefined : { ...inner, promisified: true };
  }
  return extend(calleeRef, '()');
}

function refOfDeclaration(decl: Node, depth: number): ModuleRef | undefined {
  if (Node.isImportSpecifier(decl)) {
    const imp = decl.getImportDeclaration();
    const spec = imp.getModuleSpecifierValue();
    const name = decl.getName();
    if (!isRelative(spec)) return { module: normalizeModule(spec), path: name === 'default' ? [] : [name] };
    const target = imp.getModuleSpecifierSourceFile();
    return target ? refOfExport(target, name, depth) : undefined;
  }
  if (Node.isImportClause(decl)) {
    const imp = decl.getParentOrThrow();
    if (!Node.isImportDeclaration(imp)) return undefined;
    const spec = imp.getModuleSpecifierValue();
    if (!isRelative(spec)) return { module: normalizeModule(spec), path: [] };
    const target = imp.getModuleSpecifierSourceFile();
    return target ? refOfExport(target, 'default', depth) : undefined;
  }
  if (Node.isNamespaceImport(decl)) {
    const imp = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
    const spec = imp?.getModuleSpecifierValue();
    return spec !== undefined && !isRelative(spec) ? { module: normalizeModule(spec), path: [] } : undefined;
  }
  if (Node.isImportEqualsDeclaration(decl)) {
    const ref = decl.getModuleReference();
    const m = /require\(\s*['"]([^'"]+)['"]\s*\)/.exec(ref.getText());
    return m?.[1] !== undefined && !isRelative(m[1]) ? { module: normalizeModule(m[1]), path: [] } : undefined;
  }
  if (Node.isVariableDeclaration(decl)) {
    const init = decl.getInitializer();
    return init && Node.isIdentifier(decl.getNameNode()) ? refOf(init, depth) : undefined;
  }
  if (Node.isBindingElement(decl)) {
    const prop = decl.getPropertyNameNode()?.getText() ?? decl.getName();
    const holder = decl.getParent().getParent();
    if (Node.isVariableDeclaration(holder)) {
      const init = holder.getInitializer();
      return init ? extend(refOf(init, depth), prop) : undefined;
    }
    if (Node.isBindingElement(holder)) return extend(refOfDeclaration(holder, depth), prop);
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
  if (v?.isExported()) return refOfDeclaration(v, depth + 1);
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
