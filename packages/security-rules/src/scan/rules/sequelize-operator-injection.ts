import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel } from '../routes/types.js';
import { followConst, objectProperty } from '../symbols/declarations.js';
import type { TaintHit } from '../taint/trace.js';
import { isPrimitiveTyped, RequestObjects } from './request-objects.js';

/** Sequelize model methods that take `{ where }` (in their first argument, or the second for `update`). */
const QUERY_METHODS = new Set(['findAll', 'findOne', 'findAndCountAll', 'findOrCreate', 'count', 'destroy', 'update', 'restore', 'increment', 'decrement', 'max', 'min', 'sum']);
/** `operatorsAliases` set to anything but false: `$gt`/`$ne` string keys become operators (Sequelize 4's default). */
const ALIASES = /operatorsAliases\s*:\s*(?!false\b)/;

/** Request objects used as a Sequelize `where`, or as its field values while string operator aliases are on. */
export const sequelizeOperatorInjection: Rule = {
  meta: {
    id: 'sequelize-operator-injection',
    title: 'Sequelize where built from request objects',
    description: 'A request object (JSON or extended urlencoded body, qs-parsed query, JSON.parse of request data) is used as a Sequelize `where` — the client picks the columns and values to match (`{"role": "admin"}`, `{"id": [1, 2, 3]}`) — or as a field value of one while `operatorsAliases` turns `$gt`/`$ne` string keys into operators, so `{"password": {"$ne": ""}}` matches every row.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [943, 89],
    owasp: 'A03:2021-Injection',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    if (!ctx.files.some((f) => /['"]sequelize['"]/.test(f.getFullText()))) return;
    const aliases = ctx.files.some((f) => ALIASES.test(f.getFullText()));
    const objects = new RequestObjects(ctx);
    const traced = (value: Node): TaintHit | undefined => {
      if (isPrimitiveTyped(value)) return undefined;
      const hit = ctx.taint.trace(value);
      return hit && objects.carriesObject(hit) ? hit : undefined;
    };
    for (const call of ctx.calls.callsNamed(QUERY_METHODS)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee)) continue;
      const opts = followConst(call.getArguments()[callee.getName() === 'update' ? 1 : 0]);
      const where = objectProperty(opts, 'where');
      if (where === undefined) continue;
      const target = followConst(where) ?? where;
      let found: { value: Node; hit: TaintHit; whole: boolean } | undefined;
      if (!Node.isObjectLiteralExpression(target)) {
        const hit = traced(where);
        if (hit) found = { value: where, hit, whole: true };
      } else if (aliases) {
        for (const p of target.getProperties()) {
          const value = Node.isPropertyAssignment(p) ? p.getInitializer() : Node.isShorthandPropertyAssignment(p) ? p.getNameNode() : Node.isSpreadAssignment(p) ? p.getExpression() : undefined;
          const hit = value ? traced(value) : undefined;
          if (value && hit) {
            found = { value, hit, whole: Node.isSpreadAssignment(p) };
            break;
          }
        }
      }
      if (found === undefined) continue;
      const route = ctx.routeOf(call) ?? ctx.routeOf(found.hit.steps[0]!.node);
      yield {
        node: call,
        message: found.whole
          ? `${found.hit.source} is used as the where of ${callee.getText()}(): the client chooses which columns and values match`
          : `${found.hit.source} is a where value of ${callee.getText()}() while operatorsAliases is on: {"$ne": ""} matches every row`,
        flow: [...found.hit.steps, { node: found.value, message: `used in the where of ${callee.getText()}()` }],
        ...(route ? { route: routeLabel(route) } : {}),
      };
    }
  },
};
