import type { RuleContext } from '../engine/context.js';
import { followConst, objectProperty } from '../symbols/declarations.js';
import { taintRule, type SinkHit } from './taint-sink.js';

const SINKS: [string, readonly string[]][] = [
  ['node-serialize', ['unserialize']], ['serialize-to-js', ['deserialize']], ['funcster', ['deepDeserialize']], ['cryo', ['parse']],
];

/** js-yaml schemas with the `!!js/function` / `!!js/regexp` types (js-yaml 3's default of `load`, or js-yaml-js-types). */
const UNSAFE_YAML_SCHEMA = /FULL_SCHEMA|js-types|jsTypes|unsafe/i;

function* sinks(ctx: RuleContext): Iterable<SinkHit> {
  for (const [mod, names] of SINKS) {
    for (const { call, ref } of ctx.calls.callsTo([mod], names)) yield { call, arg: call.getArguments()[0], sink: `${mod}.${ref.path.at(-1) ?? 'unserialize'}()` };
  }
  for (const { call, ref } of ctx.calls.callsTo(['js-yaml'], ['load', 'loadAll'])) {
    const schema = objectProperty(followConst(call.getArguments()[1]), 'schema');
    if (schema === undefined || !UNSAFE_YAML_SCHEMA.test((followConst(schema) ?? schema).getText())) continue;
    yield { call, arg: call.getArguments()[0], sink: `js-yaml.${ref.path.at(-1) ?? 'load'}() with ${schema.getText()}` };
  }
}

/** Request data deserialised by a library that revives functions (node-serialize's `_$$ND_FUNC$$_` → RCE). */
export const insecureDeserialization = taintRule({
  meta: {
    id: 'insecure-deserialization',
    title: 'Insecure deserialization',
    description: 'Request data is deserialised with a library that can revive functions (node-serialize, serialize-to-js, funcster, cryo, js-yaml load with the full/js-types schema); a crafted payload runs code on the server (an IIFE in node-serialize is executed on unserialize, a !!js/function in YAML when it is called).',
    severity: 'critical',
    confidence: 'taint-confirmed',
    cwe: [502],
    owasp: 'A08:2021-Software and Data Integrity Failures',
  },
  kind: 'code',
  sinks,
});
