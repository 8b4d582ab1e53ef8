import { Node, type CallExpression } from 'ts-morph';
import type { ScanConfig } from '../config/scan-config.js';
import { refIs, refOf } from '../symbols/module-ref.js';

/** What a tainted value flows into: sanitizers can be specific to one kind of sink. */
/**
 * What the traced value is used for. `key` is an object key (IDOR): a number or a validated id is still the
 * caller's choice of object, so type narrowing, validation and numeric conversions do not stop it.
 */
export type SinkKind = 'sql' | 'command' | 'path' | 'code' | 'redirect' | 'regex' | 'merge' | 'response' | 'key' | 'any';

const ZOD_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync']);
const NUMERIC = new Set(['Number', 'parseInt', 'parseFloat', 'Boolean', 'BigInt', 'isNaN', 'isFinite']);
const ESCAPERS: [string, readonly string[]][] = [
  ['sqlstring', ['escape', 'escapeId']], ['mysql', ['escape', 'escapeId']], ['mysql2', ['escape', 'escapeId']],
  ['pg-format', ['literal', 'ident', '()']], ['pg', ['escapeLiteral', 'escapeIdentifier']],
  ['validator', ['escape', 'isInt', 'toInt', 'isUUID', 'isEmail', 'isAlphanumeric']],
  ['shell-quote', ['quote']], ['shell-escape', ['()']], ['escape-string-regexp', ['()']], ['lodash', ['escapeRegExp']],
  ['sanitize-filename', ['()']],
];

const lastName = (callee: Node): string =>
  Node.isPropertyAccessExpression(callee) ? callee.getName() : Node.isIdentifier(callee) ? callee.getText() : '';

/** True when a call's result is safe for the given sink (zod parse, numeric conversion, escapers, declared sanitizers). */
export function isSanitizerCall(call: CallExpression, kind: SinkKind, config: ScanConfig): boolean {
  const callee = call.getExpression();
  const name = lastName(callee);
  if (NUMERIC.has(name) && Node.isIdentifier(callee)) return kind !== 'key';
  if (config.sanitizers.includes(name) || config.sanitizers.includes(callee.getText())) return true;
  if (ZOD_METHODS.has(name) && Node.isPropertyAccessExpression(callee)) {
    const recv = callee.getExpression();
    const r = refOf(recv);
    if (r?.module === 'zod' || /Zod/.test(recv.getType().getText()) || /schema$/i.test(recv.getText())) return true;
  }
  if (name === 'validate' && Node.isPropertyAccessExpression(callee) && /schema$/i.test(callee.getExpression().getText())) return true; // joi
  const ref = refOf(callee);
  const asRef = ref ? { ...ref, path: ref.path.length === 0 ? ['()'] : ref.path } : undefined;
  if (ESCAPERS.some(([m, names]) => refIs(asRef, m, names))) return true;
  if (kind === 'path' && refIs(ref, 'path', ['basename'])) return true;
  if (kind === 'redirect' && (name === 'encodeURIComponent')) return true;
  if (kind === 'response' && (['escape-html', 'he', 'xss', 'sanitize-html', 'dompurify', 'isomorphic-dompurify', 'html-escaper'].includes(ref?.module ?? '') || /^(?:escape(?:Html|HTML)?|encodeHtml|sanitize(?:Html)?|htmlEscape)$/.test(name))) return true;
  if (kind === 'regex' && /escape(?:Reg|RegExp|Regex)/i.test(name)) return true;
  if ((kind === 'sql' || kind === 'command') && /^(?:escape|quote)/i.test(name) && ref === undefined) return true;
  return false;
}

const PROPAGATORS = new Set(['String', 'decodeURIComponent', 'decodeURI', 'unescape', 'atob']);
const PROPAGATOR_REFS: [string, readonly string[]][] = [
  ['path', ['join', 'resolve', 'normalize', 'relative', 'format']], ['util', ['format']], ['url', ['parse', 'format']],
  ['querystring', ['parse', 'unescape']], ['buffer', ['from']],
];
const PROPAGATOR_GLOBALS = new Set(['JSON.parse', 'JSON.stringify', 'Buffer.from', 'Object.assign', 'Object.values', 'Object.keys', 'Object.entries', 'Array.from', 'path.join', 'path.resolve', 'path.normalize']);

/** True when a call's result carries its arguments' taint (`path.join(a, b)`, `JSON.parse(s)`, `String(x)`). */
export function isPropagatorCall(call: CallExpression, kind: SinkKind = 'any'): boolean {
  const callee = call.getExpression();
  if (kind === 'key' && Node.isIdentifier(callee) && NUMERIC.has(callee.getText())) return true;
  if (Node.isIdentifier(callee) && PROPAGATORS.has(callee.getText())) return true;
  if (PROPAGATOR_GLOBALS.has(callee.getText())) return true;
  const ref = refOf(callee);
  return PROPAGATOR_REFS.some(([m, names]) => refIs(ref, m, names));
}
