import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import { objectProperty } from '../symbols/declarations.js';
import { taintRule, type SinkHit } from './taint-sink.js';

const SHELL = ['exec', 'execSync'];
const SPAWN = ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork'];

function* sinks(ctx: RuleContext): Iterable<SinkHit> {
  for (const { call, ref } of ctx.calls.callsTo(['child_process', 'execa', 'shelljs'], [...SHELL, ...SPAWN, 'execaCommand', 'execaCommandSync', '$'])) {
    const name = ref.path.at(-1) ?? 'exec';
    const args = call.getArguments();
    const sink = `${ref.module}.${name}${ref.promisified ? ' (promisified)' : ''}`;
    if (ref.module === 'shelljs' || SHELL.includes(name) || name.startsWith('execaCommand')) {
      yield { call, arg: args[0], sink };
      continue;
    }
    // spawn/execFile: the program itself, or its arguments when a shell interprets them.
    yield { call, arg: args[0], sink: `${sink} program` };
    const opts = args.find((a) => Node.isObjectLiteralExpression(a));
    if (objectProperty(opts, 'shell')?.getText() === 'true' && args[1]) yield { call, arg: args[1], sink: `${sink} arguments with shell: true` };
  }
}

/** Request data reaching a shell command (`child_process.exec`, also promisified, destructured or re-exported). */
export const commandInjection = taintRule({
  meta: {
    id: 'command-injection',
    title: 'OS command injection',
    description: 'Request data reaches a shell command (child_process exec/execSync, spawn with shell: true, or the program of spawn/execFile).',
    severity: 'critical',
    confidence: 'taint-confirmed',
    cwe: [78],
    owasp: 'A03:2021-Injection',
  },
  kind: 'command',
  sinks,
});
