import { Node, SyntaxKind } from 'ts-morph';
import type { CallIndex } from './call-index.js';
import type { NodeIndex } from './node-index.js';
import { followConst, resolveDeclaration, stringValue } from '../symbols/declarations.js';

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
 * The models a project defines: `sequelize.define('User', { … })`, `mongoose.model('User', new Schema({ … }))` and
 * classes with properties (TypeORM/MikroORM entities, Sequelize `Model` subclasses), each keyed by the node that
 * defines it. Two modules may define different models under the same name, so a use is resolved through its
 * declaration first, and by name only when the declaration is out of reach (`db.User` of a dynamic loader, a
 * `require` the checker cannot follow): then a model of that name in the same file, else the only one in the project.
 */
export class OrmModels {
  private readonly byNode = new Map<Node, OrmModel>();

  constructor(calls: CallIndex, nodes: NodeIndex) {
    for (const call of calls.callsNamed(new Set(['define', 'model']))) {
      const [name, fields, opts] = call.getArguments();
      const model = stringValue(name);
      const schema = followConst(fields);
      const inner = schema && Node.isNewExpression(schema) ? followConst(schema.getArguments()[0]) : schema;
      const cols = names(inner);
      if (model === undefined || cols.length === 0) continue;
      this.byNode.set(call, { name: model, fields: cols, hidesFields: /toJSON|exclude/.test(`${schema?.getText() ?? ''}${opts?.getText() ?? ''}`) });
    }
    for (const cls of nodes.ofKind(SyntaxKind.ClassDeclaration)) {
      const name = cls.getName();
      const cols = cls.getProperties().map((p) => p.getName());
      if (name === undefined || cols.length === 0) continue;
      this.byNode.set(cls, { name, fields: cols, hidesFields: cls.getMethod('toJSON') !== undefined || /select:\s*false|@Exclude/.test(cls.getText()) });
    }
  }

  /** Every model the project defines. */
  all(): OrmModel[] {
    return [...this.byNode.values()];
  }

  /** The model an expression denotes (`User`, `db.User`, `models.User`), if the project defines it. */
  of(expr: Node): OrmModel | undefined {
    const direct = this.byNode.get(followConst(expr) ?? expr);
    if (direct !== undefined) return direct;
    const nameNode = Node.isPropertyAccessExpression(expr) ? expr.getNameNode() : Node.isIdentifier(expr) ? expr : undefined;
    if (nameNode === undefined) return undefined;
    const decl = resolveDeclaration(nameNode);
    if (decl !== undefined) {
      const declared = this.byNode.get(decl) ?? (Node.isVariableDeclaration(decl) || Node.isPropertyAssignment(decl) ? this.byNode.get(followConst(decl.getInitializer()) ?? decl) : undefined);
      if (declared !== undefined) return declared;
    }
    const named = this.all().filter((m) => m.name === nameNode.getText());
    const here = [...this.byNode].filter(([n, m]) => m.name === nameNode.getText() && n.getSourceFile() === expr.getSourceFile()).map(([, m]) => m);
    if (here.length === 1) return here[0];
    return named.length === 1 ? named[0] : undefined;
  }
}
