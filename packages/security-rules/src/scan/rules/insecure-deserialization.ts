import type { RuleContext } from '../engine/context.js';
import { taintRule, type SinkHit } from './taint-sink.js';

const SINKS: [string, readonly string[]][] = [
  ['node-serialize', ['unserialize']], ['serialize-to-js', ['deserialize']], ['funcster', ['deepDeserialize']], ['cryo', ['parse']],
];

function* sinks(ctx: RuleContext): Iterable<SinkHit> {
  for (const [mod, names] of SINKS) {
    for (const { call, ref } of ctx.calls.callsTo([mod], names)) yield { call, arg: call.getArguments()[0], sink: `${mod}.${ref.path.at(-1) ?? 'unserialize'}()` };
  }
}

/** Request data deserialised by a library that revives functions (node-serialize's `_$$ND_FUNC$$_` → RCE). */
export const insecureDeserialization = taintRule({
  meta: {
    id: 'insecure-deserialization',
    title: 'Insecure deserialization',
    description: 'Request data is deserialised with a library that can revive functions (node-serialize, serialize-to-js, funcster, cryo); a crafted payload runs code on the server (an IIFE in node-serialize is executed on unserialize).',
    severity: 'critical',
    confidence: 'taint-confirmed',
    cwe: [502],
    owasp: 'A08:2021-Software and Data Integrity Failures',
  },
  kind: 'code',
  sinks,
});
