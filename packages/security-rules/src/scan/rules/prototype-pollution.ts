import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { resolveFunction, type FunctionLike } from '../symbols/declarations.js';
import { routeLabel } from '../routes/types.js';

const DEEP = [['lodash', ['merge', 'mergeWith', 'defaultsDeep', 'set', 'setWith', 'zipObjectDeep']], ['lodash.merge', ['()']], ['lodash.set', ['()']],
  ['deepmerge', ['()', 'all']], ['merge-deep', ['()']], ['deep-extend', ['()']], ['dot-prop', ['set', 'setProperty']], ['object-path', ['set']], ['jquery', ['extend']]] as const;
const GUARD = /['"`](?:__proto__|constructor|prototype)['"`]|hasOwn|Object\.create\(null\)|isSafeKey|isPrototypePolluted/;

/** A project function that copies keys recursively (`for (k in src) target[k] = ...`) without a __proto__ guard. */
function isUnsafeMerge(fn: FunctionLike): boolean {
  const text = fn.getText();
  if (GUARD.test(text)) return false;
  const loops = [...fn.getDescendantsOfKind(SyntaxKind.ForInStatement), ...fn.getDescendantsOfKind(SyntaxKind.ForOfStatement)];
  return loops.some((l) => l.getDescendantsOfKind(SyntaxKind.BinaryExpression).some((b) => b.getOperatorToken().getText() === '=' && Node.isElementAccessExpression(b.getLeft())));
}

/** Request data deep-merged into objects (lodash merge/set, deepmerge, hand-written recursive merges) or written through two computed keys. */
export const prototypePollution: Rule = {
  meta: {
    id: 'prototype-pollution',
    title: 'Prototype pollution through a merge of request data',
    description: 'Request data is deep-merged or path-assigned into an object (lodash merge/set/defaultsDeep, deepmerge, a hand-written recursive merge, obj[a][b] = v) without rejecting __proto__/constructor keys, so a client can add properties to Object.prototype for the whole process.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [1321],
    owasp: 'A08:2021-Software and Data Integrity Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const emit = (node: Node, arg: Node, sink: string): RawFinding | undefined => {
      const hit = ctx.taint.trace(arg, 'merge');
      if (!hit) return undefined;
      const route = ctx.routeOf(node);
      return { node, message: `${hit.source} is merged by ${sink}`, flow: [...hit.steps, { node: arg, message: `merged by ${sink}` }], ...(route ? { route: routeLabel(route) } : {}) };
    };
    for (const [mod, names] of DEEP) {
      for (const { call, ref } of ctx.calls.callsTo([mod], [...names])) {
        const args = call.getArguments();
        const isSet = /set/i.test(ref.path.at(-1) ?? '');
        for (const a of isSet ? args.slice(1, 2) : args.slice(1)) {
          const f = emit(call, a, ref.path.length > 0 ? `${mod}.${ref.path.at(-1) ?? 'merge'}` : `${mod}()`);
          if (f) {
            yield f;
            break;
          }
        }
      }
    }
    const mergeName = (n: ts.Node): boolean => {
      const e = (n as ts.CallExpression).expression;
      return ts.isIdentifier(e) && /merge|extend|assign|deep|copy|clone|set/i.test(e.text);
    };
    const twoLevel = (n: ts.Node): boolean => {
      const b = n as ts.BinaryExpression;
      return b.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(b.left) && ts.isElementAccessExpression(b.left.expression);
    };
    {
      for (const call of ctx.nodes.ofKind(SyntaxKind.CallExpression, mergeName)) {
        const callee = call.getExpression();
        if (!Node.isIdentifier(callee)) continue;
        const fn = resolveFunction(callee);
        if (!fn || fn.getSourceFile().isDeclarationFile() || call.getFirstAncestor((a) => a === fn) || !isUnsafeMerge(fn)) continue;
        for (const a of call.getArguments().slice(1)) {
          const f = emit(call, a, `${callee.getText()}() (recursive merge without a __proto__ guard)`);
          if (f) {
            yield f;
            break;
          }
        }
      }
      // obj[req.body.a][req.body.b] = value
      for (const be of ctx.nodes.ofKind(SyntaxKind.BinaryExpression, twoLevel)) {
        const left = be.getLeft();
        if (be.getOperatorToken().getText() !== '=' || !Node.isElementAccessExpression(left)) continue;
        const inner = left.getExpression();
        if (!Node.isElementAccessExpression(inner)) continue;
        const k1 = inner.getArgumentExpression();
        const k2 = left.getArgumentExpression();
        if (k1 && k2 && ctx.taint.trace(k1) && ctx.taint.trace(k2) && !GUARD.test(be.getParentOrThrow().getParentOrThrow().getText())) {
          const f = emit(be, k1, 'a computed two-level assignment');
          if (f) yield f;
        }
      }
    }
  },
};
