import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { resolveDeclaration } from '../symbols/declarations.js';
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
  for (const { call, ref } of ctx.calls.callsTo(['mathjs'], ['eval', 'evaluate'])) {
    yield { call, arg: call.getArguments()[0], sink: `mathjs.${ref.path.at(-1) ?? 'evaluate'}()` };
  }
  for (const { call, ref } of ctx.calls.callsTo(['vm', 'vm2', 'safe-eval', 'static-eval'], ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script', 'new', 'run', '()'])) {
    yield { call, arg: call.getArguments()[0], sink: `${ref.module}.${ref.path.filter((s) => s !== 'new').join('.') || 'run'}` };
  }
}

/** Request data evaluated as code: `eval`, `new Function`, `vm.runIn*Context`, string `setTimeout`. */
export const codeInjection = taintRule({
  meta: {
    id: 'code-injection',
    title: 'Code injection (eval, Function, vm)',
    description: 'Request data is evaluated as code via eval(), new Function(), vm.runIn*Context()/vm.Script, mathjs.evaluate(), or setTimeout/setInterval with a string.',
    severity: 'critical',
    confidence: 'taint-confirmed',
    cwe: [94, 95],
    owasp: 'A03:2021-Injection',
  },
  kind: 'code',
  sinks,
});
