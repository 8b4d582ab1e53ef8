import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Node, SyntaxKind, ts, type CallExpression } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel } from '../routes/types.js';
import { followConst, objectProperty, stringValue } from '../symbols/declarations.js';
import { refOf } from '../symbols/module-ref.js';

const EXTENSIONS = ['ejs', 'pug', 'jade', 'hbs', 'handlebars', 'njk', 'nunjucks', 'html', 'swig'];

/** Unescaped output in a template, by engine: the captured group is the expression written raw. */
const RAW_OUTPUT: RegExp[] = [
  /<%-\s*([\w$.[\]'"]+)/g, // EJS <%- x %>
  /!=\s*([\w$.[\]'"]+)/g, // Pug p!= x
  /!\{\s*([\w$.[\]'"]+)/g, // Pug #!{x} / !{x}
  /\{\{\{\s*([\w$.[\]'"]+)/g, // Handlebars {{{ x }}}
  /\{\{\s*([\w$.[\]'"]+)\s*\|\s*safe\b/g, // Nunjucks/Swig {{ x | safe }}
];

/** `views/<name>.<ext>` beside the calling file or up to three folders above it. */
function findTemplate(from: string, view: string): string | undefined {
  let dir = dirname(from);
  for (let i = 0; i < 4; i++) {
    for (const base of [join(dir, 'views'), join(dir, 'templates'), dir]) {
      for (const ext of EXTENSIONS) {
        const file = view.includes('.') && existsSync(join(base, view)) ? join(base, view) : join(base, `${view}.${ext}`);
        if (existsSync(file)) return file;
      }
    }
    dir = dirname(dir);
  }
  return undefined;
}

/** Raw outputs of a template: the root name of each expression and its line. */
function rawOutputs(file: string): { root: string; line: number; text: string }[] {
  const text = readFileSync(file, 'utf8');
  const out: { root: string; line: number; text: string }[] = [];
  for (const re of RAW_OUTPUT) {
    for (const m of text.matchAll(re)) {
      const expr = m[1] ?? '';
      const root = /^[\w$]+/.exec(expr)?.[0];
      if (root) out.push({ root, line: text.slice(0, m.index).split('\n').length, text: m[0] });
    }
  }
  return out;
}

/** `res.render(view, locals)` / `ctx.render(view, locals)` / `reply.view(view, locals)` whose tainted local a template writes raw. */
function* renders(ctx: RuleContext): Iterable<RawFinding> {
  for (const call of ctx.calls.callsNamed(new Set(['render', 'view']))) {
    const [viewArg, localsArg] = call.getArguments();
    const view = stringValue(viewArg);
    const locals = followConst(localsArg);
    if (view === undefined || locals === undefined || !Node.isObjectLiteralExpression(locals)) continue;
    const template = findTemplate(call.getSourceFile().getFilePath(), view);
    if (template === undefined) continue;
    for (const raw of rawOutputs(template)) {
      const value = objectProperty(locals, raw.root);
      const taint = value ? ctx.taint.trace(value, 'response') : undefined;
      if (!taint) continue;
      const route = ctx.routeOf(call);
      yield {
        node: call,
        message: `${taint.source} is written unescaped by ${raw.text.trim()} in ${template.split(/[\\/]/).slice(-2).join('/')}:${raw.line}`,
        flow: [...taint.steps, { node: value ?? call, message: `rendered raw by the template (line ${raw.line})` }],
        ...(route ? { route: routeLabel(route) } : {}),
      };
    }
  }
}

/** HTML built from request data by concatenation or a template literal, then sent: `res.send('<p>' + q + '</p>')`. */
function* htmlResponses(ctx: RuleContext): Iterable<RawFinding> {
  const isHtml = (n: Node): boolean => {
    const strings = [n, ...n.getDescendants()].filter((d) => Node.isStringLiteral(d) || Node.isNoSubstitutionTemplateLiteral(d) || Node.isTemplateHead(d) || Node.isTemplateMiddle(d) || Node.isTemplateTail(d));
    return strings.some((s) => /<[a-zA-Z!/]/.test(s.getText()));
  };
  const built = (n: Node): boolean => Node.isTemplateExpression(n) || (Node.isBinaryExpression(n) && n.getOperatorToken().getKind() === SyntaxKind.PlusToken);
  const sites: { at: Node; arg: Node; sink: string }[] = [];
  for (const call of ctx.calls.callsNamed(new Set(['send', 'write', 'end']))) {
    const callee = call.getExpression();
    // res.send(), reply.type('text/html').send(), res.status(200).send()
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const recv = /^(?:res|response|reply)\b|\.res\b/.exec(callee.getExpression().getText())?.[0];
    if (recv === undefined) continue;
    const arg = followConst(call.getArguments()[0]);
    if (arg) sites.push({ at: call, arg, sink: `${recv.replace(/^\./, '')}.${callee.getName()}()` });
  }
  // Only assignments are wrapped (wrapping every binary expression of a large project costs time and memory).
  const assignment = (n: ts.Node): boolean => (n as ts.BinaryExpression).operatorToken.kind === SyntaxKind.EqualsToken;
  for (const be of ctx.nodes.ofKind(SyntaxKind.BinaryExpression, assignment)) {
    if (be.getOperatorToken().getKind() === SyntaxKind.EqualsToken && /^ctx\.(?:body|response\.body)$/.test(be.getLeft().getText())) sites.push({ at: be, arg: be.getRight(), sink: 'ctx.body' });
  }
  for (const { at, arg, sink } of sites) {
    const expr = Node.isIdentifier(arg) ? (followConst(arg) ?? arg) : arg;
    if (!built(expr) || !isHtml(expr)) continue;
    const taint = ctx.taint.trace(expr, 'response');
    if (!taint) continue;
    const route = ctx.routeOf(at);
    yield { node: at, message: `${taint.source} is concatenated into HTML sent by ${sink}`, flow: [...taint.steps, { node: arg, message: `sent as HTML by ${sink}` }], ...(route ? { route: routeLabel(route) } : {}) };
  }
}

/** Template engines configured not to escape: swig/nunjucks `autoescape: false`, Handlebars `noEscape: true`. */
function* escapingOff(ctx: RuleContext): Iterable<RawFinding> {
  for (const pa of ctx.nodes.ofKind(SyntaxKind.PropertyAssignment)) {
    const name = pa.getName();
    const value = pa.getInitializer()?.getText();
    if (!((name === 'autoescape' && value === 'false') || (name === 'noEscape' && value === 'true'))) continue;
    const call = pa.getFirstAncestorByKind(SyntaxKind.CallExpression) ?? pa.getFirstAncestorByKind(SyntaxKind.NewExpression);
    const ref = call ? refOf((call as CallExpression).getExpression()) : undefined;
    if (ref && !['swig', 'nunjucks', 'handlebars', 'express-handlebars', 'hbs', 'consolidate', 'swig-templates'].includes(ref.module)) continue;
    yield { node: pa, message: `template output escaping is turned off (${name}: ${value}): every {{ value }} is written as raw HTML` };
  }
}

/** Request data reaching unescaped template output (EJS `<%-`, Pug `!=`, Handlebars `{{{`, autoescape off) or HTML built by concatenation. */
export const templateXss: Rule = {
  meta: {
    id: 'template-xss',
    title: 'Cross-site scripting through templates or HTML strings',
    description: 'Request data reaches unescaped template output (EJS <%- %>, Pug != and !{}, Handlebars {{{ }}}, Nunjucks/Swig | safe), a template engine runs with autoescape off, or HTML is built from request data by concatenation and sent with res.send/ctx.body.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [79],
    owasp: 'A03:2021-Injection',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    yield* renders(ctx);
    yield* htmlResponses(ctx);
    yield* escapingOff(ctx);
  },
};
