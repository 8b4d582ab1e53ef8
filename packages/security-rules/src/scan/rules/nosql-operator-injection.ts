import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel } from '../routes/types.js';
import { followConst } from '../symbols/declarations.js';
import type { TaintHit } from '../taint/trace.js';
import { isPrimitiveTyped, RequestObjects } from './request-objects.js';

/** Mongo/Mongoose methods whose first argument is a filter. */
const FILTER_METHODS = new Set(['find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndRemove', 'findOneAndReplace', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'remove', 'replaceOne', 'countDocuments', 'count', 'exists']);
const MONGO = /['"](?:mongoose|mongodb|monk|mongojs|@fastify\/mongodb)['"]/;
/** Logical operators whose operands are filters themselves. */
const LOGICAL = new Set(['$and', '$or', '$nor']);
/** Options objects of other ORMs (Sequelize, Prisma, TypeORM), not Mongo filters. */
const NOT_A_FILTER = /^(?:where|attributes|include|select|relations|order)$/;

/** The field values of a filter literal (recursing into `$and`/`$or` and nested field objects, not into explicit operators). */
function* filterValues(filter: Node, depth = 0): Iterable<Node> {
  if (depth > 4 || !Node.isObjectLiteralExpression(filter)) return;
  for (const p of filter.getProperties()) {
    if (Node.isShorthandPropertyAssignment(p)) yield p.getNameNode();
    if (Node.isSpreadAssignment(p)) yield p.getExpression();
    if (!Node.isPropertyAssignment(p)) continue;
    const key = p.getName().replace(/^['"]|['"]$/g, '');
    const value = p.getInitializer();
    if (value === undefined) continue;
    if (LOGICAL.has(key) && Node.isArrayLiteralExpression(value)) {
      for (const e of value.getElements()) yield* filterValues(e, depth + 1);
    } else if (key.startsWith('$')) {
      continue; // `$eq: x` compares x as a value; `$where` is nosql-injection's
    } else if (Node.isObjectLiteralExpression(value)) {
      yield* filterValues(value, depth + 1);
    } else yield value;
  }
}

/** Request objects (a JSON body, qs-parsed query) used as MongoDB filter values, so `{"$ne": null}` matches any document. */
export const nosqlOperatorInjection: Rule = {
  meta: {
    id: 'nosql-operator-injection',
    title: 'NoSQL operator injection (request objects in MongoDB filters)',
    description: 'A value from a request field that can hold an object (a JSON body, an extended urlencoded body, Express\'s qs-parsed query string, or JSON.parse of request data) is used as a MongoDB/Mongoose filter value or as the whole filter, so a client sends {"$ne": null} or {"$gt": ""} instead of a string and matches any document (login without a password, reading other users\' records).',
    severity: 'critical',
    confidence: 'taint-confirmed',
    cwe: [943],
    owasp: 'A03:2021-Injection',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    if (!ctx.files.some((f) => MONGO.test(f.getFullText()))) return;
    if (ctx.files.some((f) => /mongo-sanitize|sanitizeFilter['"]?\s*,\s*true|sanitizeFilter:\s*true/.test(f.getFullText()))) return;
    const objects = new RequestObjects(ctx);
    for (const call of ctx.calls.callsNamed(FILTER_METHODS)) {
      const callee = call.getExpression();
      const arg = call.getArguments()[0];
      if (!Node.isPropertyAccessExpression(callee) || arg === undefined || Node.isArrowFunction(arg) || Node.isFunctionExpression(arg)) continue;
      const filter = followConst(arg) ?? arg;
      if (Node.isObjectLiteralExpression(filter) && filter.getProperties().some((p) => Node.isPropertyAssignment(p) && NOT_A_FILTER.test(p.getName()))) continue;
      const candidates = Node.isObjectLiteralExpression(filter) ? [...filterValues(filter)] : [arg];
      let hit: { value: Node; taint: TaintHit } | undefined;
      for (const value of candidates) {
        if (isPrimitiveTyped(value)) continue; // a string/number cannot carry an operator
        const taint = ctx.taint.trace(value);
        if (taint && objects.carriesObject(taint)) {
          hit = { value, taint };
          break;
        }
      }
      if (hit === undefined) continue;
      const route = ctx.routeOf(call) ?? ctx.routeOf(hit.taint.steps[0]!.node);
      const whole = hit.value === arg && !Node.isObjectLiteralExpression(filter);
      yield {
        node: call,
        message: `${hit.taint.source} reaches ${whole ? 'a MongoDB filter as the whole filter' : `the MongoDB filter of ${callee.getText()}() as a value`}: a client can send {"$ne": null} instead of a string and match any document`,
        flow: [...hit.taint.steps, { node: hit.value, message: `used in the filter of ${callee.getText()}()` }],
        ...(route ? { route: routeLabel(route) } : {}),
      };
    }
  },
};
