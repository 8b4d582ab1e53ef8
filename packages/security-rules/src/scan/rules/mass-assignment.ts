import { Node, SyntaxKind } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel } from '../routes/types.js';

/** ORM calls that write an object's fields from their argument. */
const WRITES = new Set(['create', 'insert', 'insertOne', 'insertMany', 'update', 'updateOne', 'updateMany', 'upsert', 'build', 'save', 'findByIdAndUpdate', 'findOneAndUpdate', 'assign', 'set', 'merge', 'fill']);
/** Fields a user must not set on themselves. */
const PRIVILEGED = /\b(?:role|roles|isAdmin|is_admin|admin|isVerified|verified|emailVerified|permissions|isStaff|is_staff|balance|credits|plan|tier)\s*[?]?\s*[:=(]/;

/** The whole request body (or a spread of it), not picked fields: `req.body`, `{ ...req.body }`, `ctx.request.body`, `input.body`. */
function wholeBody(arg: Node, ctx: RuleContext): { text: string; node: Node } | undefined {
  let e = arg;
  while (Node.isParenthesizedExpression(e) || Node.isAsExpression(e) || Node.isAwaitExpression(e)) e = e.getExpression();
  if (Node.isObjectLiteralExpression(e)) {
    for (const p of e.getProperties()) {
      if (Node.isSpreadAssignment(p)) {
        const inner = wholeBody(p.getExpression(), ctx);
        if (inner) return { ...inner, text: `...${inner.text}` };
      }
      // prisma `{ data: body }`, mongo `{ $set: body }`
      if (Node.isPropertyAssignment(p) && ['data', 'values', '$set', 'set', 'fields', 'attributes'].includes(p.getName())) {
        const init = p.getInitializer();
        const inner = init ? wholeBody(init, ctx) : undefined;
        if (inner) return inner;
      }
    }
    return undefined;
  }
  if (Node.isPropertyAccessExpression(e) && e.getName() === 'body' && ctx.taint.sources.sourceOf(e) !== undefined) return { text: e.getText(), node: e };
  if (Node.isIdentifier(e)) {
    const decl = e.getSymbol()?.getDeclarations()[0];
    if (decl && Node.isVariableDeclaration(decl) && Node.isIdentifier(decl.getNameNode())) {
      const init = decl.getInitializer();
      return init ? wholeBody(init, ctx) : undefined;
    }
  }
  return undefined;
}

/** A typed body that declares none of the privileged fields cannot set them (sb scaffold's validated `input.body`). */
function typedWithoutPrivileged(arg: Node): boolean {
  const t = arg.getType();
  if (t.isAny() || t.isUnknown()) return false;
  const names = t.getProperties().map((p) => p.getName());
  return names.length > 0 && !names.some((n) => PRIVILEGED.test(`${n}:`));
}

/** The request body passed whole to an ORM create/update/save, `Object.assign` or a model constructor, when models have privileged fields. */
export const massAssignment: Rule = {
  meta: {
    id: 'mass-assignment',
    title: 'Mass assignment of the request body',
    description: 'The whole request body (or a spread of it) is passed to an ORM create/update/save, Object.assign or a model constructor — or a model is served as a REST resource (express-restify-mongoose, finale) without limiting writable fields — while the project\'s models have privileged fields (role, isAdmin, verified, permissions, balance…), so a client can set them by adding them to the body.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [915],
    owasp: 'A08:2021-Software and Data Integrity Failures',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const privileged = ctx.files.some((sf) => PRIVILEGED.test(sf.getFullText()));
    if (!privileged) return;
    const sites: { at: Node; args: Node[]; what: string }[] = [];
    for (const call of ctx.calls.callsNamed(WRITES)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) continue;
      sites.push({ at: call, args: call.getArguments(), what: `${callee.getText()}()` });
    }
    for (const ne of ctx.nodes.ofKind(SyntaxKind.NewExpression)) {
      const name = ne.getExpression().getText();
      if (/^[A-Z]\w*$/.test(name) && !/^(?:Error|Date|Map|Set|URL|RegExp|Promise|Buffer|Array|Object)$/.test(name)) sites.push({ at: ne, args: ne.getArguments() ?? [], what: `new ${name}()` });
    }
    // REST-resource libraries (express-restify-mongoose, finale) write request bodies into the model themselves.
    const served = new Set<Node>();
    for (const route of ctx.routes.routes) {
      const res = route.resource;
      if (res === undefined || res.fieldsGuarded || !['POST', 'PUT', 'PATCH'].includes(route.method) || served.has(res.node)) continue;
      served.add(res.node);
      yield { node: res.node, route: routeLabel(route), message: `${routeLabel(route)} (and the other write routes of this resource) store the request body in ${res.model} as sent: a client can set privileged fields (role, isAdmin, …); limit the writable fields` };
    }
    for (const { at, args, what } of sites) {
      for (const arg of args) {
        const body = wholeBody(arg, ctx);
        if (body === undefined || typedWithoutPrivileged(body.node)) continue;
        const route = ctx.routeOf(at);
        yield { node: at, message: `${body.text} is passed whole to ${what}: a client can set privileged fields (role, isAdmin, …); pick the allowed fields`, ...(route ? { route: routeLabel(route) } : {}) };
        break;
      }
    }
  },
};
