import { docComment, str } from '../emit/literal.js';
import type { OperationModel } from '../model/model.js';

/** The imports every handler file starts with. */
export const HANDLER_IMPORTS = [
  "import type * as Op from '../operations.gen.js';",
  "import { notImplemented, type HandlerContext } from '../runtime.gen.js';",
];

/** One handler stub: typed by the operation, answering 501 until implemented. */
export function handlerStub(op: OperationModel): string {
  return handlerFunction(op, `throw notImplemented(${str(op.name)});`);
}

/** One handler function with its doc comment, typed by the operation, with `body` (indented here). */
export function handlerFunction(op: OperationModel, body: string): string {
  const doc = docComment([`${op.method.toUpperCase()} ${op.path}${op.summary ? ` — ${op.summary}` : ''}`, op.description, op.deprecated ? '@deprecated' : undefined]);
  const lines = body.split('\n').map((l) => `  ${l}`).join('\n');
  return `${doc}export async function ${op.name}(input: Op.${op.typeName}Input, ctx: HandlerContext): Promise<Op.${op.typeName}Result> {\n${lines}\n}\n`;
}

/** A new handler file for one group. */
export function handlerFile(group: string, ops: readonly OperationModel[]): string {
  const head = [
    `// Handlers for the ${str(group)} operations. Yours: sb scaffold created this file and only ever`,
    '// appends stubs for new operations to it; it never changes or deletes what you write here.',
    ...HANDLER_IMPORTS,
    '',
  ];
  return [...head, ...ops.map(handlerStub)].join('\n');
}
