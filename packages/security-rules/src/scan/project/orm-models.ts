import { Node, SyntaxKind } from 'ts-morph';
import type { CallIndex } from './call-index.js';
import type { NodeIndex } from './node-index.js';
import { followConst, stringValue } from '../symbols/declarations.js';

/** One ORM model the project defines: its name and column names, and whether it hides its secret columns itself. */
export interface OrmModel {
  readonly name: string;
  readonly fields: readonly string[];
  /** A default scope excluding columns, a toJSON transform, `select: false`, `@Exclude`: serialising it is safe. */
  readonly hidesFields: boolean;
}

const names = (o: Node | undefined): string[] =>
  o !== undefined && Node.isObjectLiteralExpression(o)
    ? o.getProperties().flatMap((p) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p) ? [p.getName().replace(/^['"]|['"]$/g, '')] : []))
    : [];

/**
 * The models a project defines, by name: `sequelize.define('User', { … })`, `mongoose.model('User', new Schema({ … }))`
 * and classes with properties (TypeORM/MikroORM entities, Sequelize `Model` subclasses).
 */
export function ormModels(calls: CallIndex, nodes: NodeIndex): Map<string, OrmModel> {
  const out = new Map<string, OrmModel>();
  for (const call of calls.callsNamed(new Set(['define', 'model']))) {
    const [name, fields, opts] = call.getArguments();
    const model = stringValue(name);
    const schema = followConst(fields);
    const inner = schema && Node.isNewExpression(schema) ? followConst(schema.getArguments()[0]) : schema;
    const cols = names(inner);
    if (model === undefined || cols.length === 0) continue;
    out.set(model, { name: model, fields: cols, hidesFields: /toJSON|exclude/.test(`${schema?.getText() ?? ''}${opts?.getText() ?? ''}`) });
  }
  for (const cls of nodes.ofKind(SyntaxKind.ClassDeclaration)) {
    const name = cls.getName();
    const cols = cls.getProperties().map((p) => p.getName());
    if (name === undefined || cols.length === 0 || out.has(name)) continue;
    out.set(name, { name, fields: cols, hidesFields: cls.getMethod('toJSON') !== undefined || /select:\s*false|@Exclude/.test(cls.getText()) });
  }
  return out;
}
