import { Node, type SourceFile, type Type } from 'ts-morph';
import type { RouteFramework } from '../options.js';
import { unwrap } from './resolve.js';

const MODULES: readonly [RegExp, RouteFramework][] = [
  [/^express$/, 'express'],
  [/^fastify$/, 'fastify'],
  [/^(@koa\/router|koa-router|koa)$/, 'koa'],
];

const TYPE_FILES: readonly [RegExp, RouteFramework][] = [
  [/\/(express-serve-static-core|express)\//, 'express'],
  [/\/fastify\//, 'fastify'],
  [/\/(@koa\/router|koa-router|@types\/koa|koa)\//, 'koa'],
];

/**
 * Which framework an app/router/instance declaration belongs to: from its type (declared in express,
 * fastify, koa or @koa/router), else from how it is created (`express()`, `Router()`, `Fastify()`,
 * `new Router()`, `new Koa()`) and where that callee was imported from.
 */
export function frameworkOf(decl: Node): RouteFramework | undefined {
  const byType = frameworkOfType(decl.getType());
  if (byType) return byType;
  if (Node.isVariableDeclaration(decl) || Node.isPropertyDeclaration(decl)) {
    const init = unwrap(decl.getInitializer());
    if (init && (Node.isCallExpression(init) || Node.isNewExpression(init))) {
      return frameworkOfImport(rootIdentifier(init.getExpression()), decl.getSourceFile());
    }
  }
  return undefined;
}

function frameworkOfType(type: Type, depth = 0): RouteFramework | undefined {
  if (depth > 3 || type.isAny() || type.isUnknown()) return undefined;
  const symbols = [type.getSymbol(), type.getAliasSymbol()];
  for (const symbol of symbols) {
    for (const d of symbol?.getDeclarations() ?? []) {
      const file = d.getSourceFile().getFilePath();
      for (const [re, fw] of TYPE_FILES) if (re.test(file)) return fw;
    }
  }
  for (const part of [...(type.isIntersection() ? type.getIntersectionTypes() : []), ...(type.isUnion() ? type.getUnionTypes() : [])]) {
    const fw = frameworkOfType(part, depth + 1);
    if (fw) return fw;
  }
  return undefined;
}

function rootIdentifier(expr: Node): string | undefined {
  let e: Node = expr;
  while (Node.isPropertyAccessExpression(e)) e = e.getExpression();
  return Node.isIdentifier(e) ? e.getText() : undefined;
}

function frameworkOfImport(name: string | undefined, sf: SourceFile): RouteFramework | undefined {
  if (!name) return undefined;
  for (const imp of sf.getImportDeclarations()) {
    const names = [imp.getDefaultImport()?.getText(), imp.getNamespaceImport()?.getText(), ...imp.getNamedImports().map((n) => (n.getAliasNode() ?? n.getNameNode()).getText())];
    if (!names.includes(name)) continue;
    const spec = imp.getModuleSpecifierValue();
    for (const [re, fw] of MODULES) if (re.test(spec)) return fw;
  }
  for (const v of sf.getVariableDeclarations()) {
    const init = v.getInitializer();
    if (v.getName() === name && init && Node.isCallExpression(init) && init.getExpression().getText() === 'require') {
      const arg = init.getArguments()[0];
      const spec = arg && Node.isStringLiteral(arg) ? arg.getLiteralValue() : '';
      for (const [re, fw] of MODULES) if (re.test(spec)) return fw;
    }
  }
  return undefined;
}
