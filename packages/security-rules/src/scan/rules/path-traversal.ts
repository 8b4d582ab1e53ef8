import { Node, SyntaxKind } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { enclosingFunction, objectProperty } from '../symbols/declarations.js';
import { taintRule, type SinkHit } from './taint-sink.js';

const FS = ['readFile', 'readFileSync', 'createReadStream', 'writeFile', 'writeFileSync', 'createWriteStream', 'appendFile', 'appendFileSync',
  'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'readdir', 'readdirSync', 'open', 'openSync', 'copyFile', 'copyFileSync', 'rename', 'renameSync', 'mkdir', 'mkdirSync', 'access', 'stat', 'statSync', 'lstat', 'existsSync', 'readlink', 'symlink', 'truncate'];
const SEND = new Set(['sendFile', 'download', 'sendfile']);

function* sinks(ctx: RuleContext): Iterable<SinkHit> {
  for (const { call, ref } of ctx.calls.callsTo(['fs', 'fs-extra', 'graceful-fs'], FS)) {
    yield { call, arg: call.getArguments()[0], sink: `fs.${ref.path.at(-1) ?? 'readFile'}()` };
  }
  for (const call of ctx.calls.callsNamed(SEND)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    // res.sendFile(name, { root }) confines the path to root.
    const opts = call.getArguments()[1];
    if (objectProperty(opts, 'root') !== undefined) continue;
    yield { call, arg: call.getArguments()[0], sink: `res.${callee.getName()}()` };
  }
  for (const { call, ref } of ctx.calls.callsTo(['koa-send'])) {
    if (ref.path.length === 0 && Node.isCallExpression(call)) yield { call, arg: call.getArguments()[1], sink: 'koa-send' };
  }
}

/** `if (!full.startsWith(root)) return ...`: a containment check on the sink argument in the same function. */
function guarded(hit: SinkHit): boolean {
  const fn = enclosingFunction(hit.call);
  const name = hit.arg?.getText();
  if (fn === undefined || name === undefined) return false;
  return fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((c) => {
    const e = c.getExpression();
    return Node.isPropertyAccessExpression(e) && e.getName() === 'startsWith' && e.getExpression().getText() === name && c.getStart() < hit.call.getStart();
  });
}

/** Request data used as a file path (fs calls, `res.sendFile` without `root`, `res.download`). */
export const pathTraversal = taintRule({
  meta: {
    id: 'path-traversal',
    title: 'Path traversal',
    description: 'Request data is used as a file-system path without confining it to a directory (path.basename, a startsWith(root) check after path.resolve, or sendFile with { root }).',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [22],
    owasp: 'A01:2021-Broken Access Control',
  },
  kind: 'path',
  sinks,
  guarded,
  auditDynamic: false,
});
