import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { followConst, resolveDeclaration } from '../symbols/declarations.js';
import { taintRule, type SinkHit } from './taint-sink.js';

const GLOBALS = new Set(['eval', 'Function', 'setTimeout', 'setInterval']);

/** A global (not a local function that happens to be called `eval`). */
function isGlobal(id: Node): boolean {
  const d = resolveDeclaration(id);
  return d === undefined || d.getSourceFile().isDeclarationFile();
}

function* sinks(ctx: RuleContext): Iterable<SinkHit> {
  const globalCall = (n: ts.Node): boolean => {
    const e = (n as ts.CallExpression).expression;
    return ts.isIdentifier(e) && GLOBALS.has(e.text);
  };
  for (const node of [...ctx.nodes.ofKind(SyntaxKind.CallExpression, globalCall), ...ctx.nodes.ofKind(SyntaxKind.NewExpression, globalCall)]) {
    {
      const callee = node.getExpression();
      if (!Node.isIdentifier(callee) || !GLOBALS.has(callee.getText()) || !isGlobal(callee)) continue;
      const args = node.getArguments();
      const name = callee.getText();
      if (name === 'Function') {
        for (const a of args) yield { call: node, arg: a, sink: 'new Function()' };
      } else if (name === 'eval') {
        yield { call: node, arg: args[0], sink: 'eval()' };
      } else if (args[0] && (args[0].getKind() !== SyntaxKind.ArrowFunction && args[0].getKind() !== SyntaxKind.FunctionExpression)) {
        const t = args[0].getType();
        if (t.isString() || t.isAny() || Node.isTemplateExpression(args[0]) || Node.isBinaryExpression(args[0])) yield { call: node, arg: args[0], sink: `${name}() with a string` };
      }
    }
  }
  for (const { call, ref } of ctx.calls.callsTo(['mathjs'], ['eval', 'evaluate', 'compile', 'parse'])) {
    if (ref.path.slice(0, -1).some((s) => s === 'compile' || s === 'parse')) continue; // compiled.evaluate(scope): the code was the compile argument
    yield { call, arg: call.getArguments()[0], sink: `mathjs.${ref.path.at(-1) ?? 'evaluate'}()` };
  }
  // Sandboxes and "safe" evaluators that have all been escaped (vm is no security boundary; vm2 is abandoned).
  for (const { call, ref } of ctx.calls.callsTo(['vm', 'vm2', 'safe-eval', 'notevil'], ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script', 'new', 'run', '()'])) {
    if (ref.path.includes('Script') && ref.path.at(-1) !== 'Script') continue; // script.runInNewContext(context): the code was the Script argument
    const path = ref.path.filter((s) => s !== 'new' && s !== '()').join('.');
    yield { call, arg: call.getArguments()[0], sink: path ? `${ref.module}.${path}` : `${ref.module}()` };
  }
  // static-eval evaluates an AST: the code is what the parser was given (`evaluate(esprima.parse(src).body[0].expression)`).
  for (const { call } of ctx.calls.callsTo(['static-eval'])) {
    const arg = followConst(call.getArguments()[0]);
    const parse = arg?.getDescendantsOfKind(SyntaxKind.CallExpression).find((c) => /(?:^|\.)parse(?:Script|Module|Expression)?$/.test(c.getExpression().getText()));
    yield { call, arg: parse?.getArguments()[0] ?? arg, sink: 'static-eval' };
  }
}

/** Request data evaluated as code: `eval`, `new Function`, `vm.runIn*Context`, vm2/safe-eval/notevil/static-eval, mathjs, string `setTimeout`. */
export const codeInjection = taintRule({
  meta: {
    id: 'code-injection',
    title: 'Code injection (eval, Function, vm)',
    description: 'Request data is evaluated as code via eval(), new Function(), vm.runIn*Context()/vm.Script, a "safe" evaluator that has been escaped (vm2, safe-eval, notevil, static-eval), mathjs evaluate/compile/parse, or setTimeout/setInterval with a string.',
    severity: 'critical',
    confidence: 'taint-confirmed',
    cwe: [94, 95],
    owasp: 'A03:2021-Injection',
  },
  kind: 'code',
  sinks,
});
