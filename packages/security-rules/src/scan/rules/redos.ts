import { Node, SyntaxKind, ts } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';

/**
 * Star height > 1: a group that contains a quantifier and is itself quantified (`(a+)+`, `(\w+\s?)*`, `(.*a){2,}`).
 * Character classes and escapes are stripped first so `[+*]` does not count.
 */
export function hasNestedQuantifier(source: string): boolean {
  const s = source.replace(/\\[dwsDWSbB]/g, 'c').replace(/\\./g, 'e').replace(/\[(?:[^\]\\]|\\.)*\]/g, 'c');
  const stack: { start: number; inner: boolean }[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const top = stack[stack.length - 1];
    if (ch === '(') stack.push({ start: i, inner: false });
    else if (ch === ')') {
      const group = stack.pop();
      const inner = group?.inner ?? false;
      const next = s[i + 1];
      const quantified = next === '+' || next === '*' || (next === '{' && /^\{\d*,\d*\}/.test(s.slice(i + 1)) && !/^\{\d+\}/.test(s.slice(i + 1)));
      // A group that ends in a literal separator (`(?:[a-z]+\.)+`) cannot match the same text two ways.
      const body = group ? s.slice(group.start + 1, i) : '';
      const core = body.replace(/^\?[:=!]|^\?<\w+>/, '');
      const separated = !body.includes('|') && (/[^+*?})\]c.]$/.test(core) || /^[^(c.\\][^+*?{]/.test(core));
      if (inner && quantified && !separated) return true;
      const parent = stack[stack.length - 1];
      if (inner && parent) parent.inner = true;
    } else if ((ch === '+' || ch === '*' || (ch === '{' && /^\{\d+,\}/.test(s.slice(i)))) && top) {
      top.inner = true;
    }
  }
  return false;
}

/** Where a regex literal is applied: `re.test(x)` → x, `x.match(re)` → x (directly or through a const). */
function subjects(lit: Node): Node[] {
  const out: Node[] = [];
  const uses: Node[] = [lit];
  const parent = lit.getParent();
  if (parent && Node.isVariableDeclaration(parent)) {
    const name = parent.getNameNode();
    if (Node.isIdentifier(name)) uses.push(...name.findReferencesAsNodes().slice(0, 20));
  }
  for (const u of uses) {
    const p = u.getParent();
    if (p && Node.isPropertyAccessExpression(p) && ['test', 'exec'].includes(p.getName())) {
      const call = p.getParent();
      const a = call && Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
      if (a) out.push(a);
    } else if (p && Node.isCallExpression(p)) {
      const e = p.getExpression();
      if (Node.isPropertyAccessExpression(e) && ['match', 'matchAll', 'replace', 'replaceAll', 'split', 'search'].includes(e.getName())) out.push(e.getExpression());
    }
  }
  return out;
}

/** Regex literals with nested quantifiers: confirmed when applied to request data, else a pattern finding. */
export const redos: Rule = {
  meta: {
    id: 'redos',
    title: 'ReDoS-prone regular expression',
    description: 'A regular expression with nested quantifiers (star height > 1) backtracks exponentially on crafted input; applied to request data, one request can block the event loop.',
    severity: 'medium',
    confidence: 'pattern',
    cwe: [1333],
    owasp: 'A05:2021-Security Misconfiguration',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const nested = (n: ts.Node): boolean => {
      const t = (n as ts.RegularExpressionLiteral).text;
      return hasNestedQuantifier(t.slice(1, t.lastIndexOf('/')));
    };
    {
      for (const lit of ctx.nodes.ofKind(SyntaxKind.RegularExpressionLiteral, nested)) {
        const text = lit.getText();
        let hit;
        for (const subject of subjects(lit)) {
          hit = ctx.taint.trace(subject, 'regex');
          if (hit) break;
        }
        if (hit) {
          yield { node: lit, message: `nested quantifier in ${text} applied to ${hit.source}`, confidence: 'taint-confirmed', flow: [...hit.steps, { node: lit, message: 'matched by a backtracking regex' }] };
        } else {
          yield { node: lit, message: `nested quantifier in ${text} can backtrack exponentially`, confidence: 'pattern' };
        }
      }
    }
  },
};
