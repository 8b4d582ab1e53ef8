import { docComment, str } from '../emit/literal.js';
import type { OperationModel } from '../model/model.js';

/** The imports every handler file starts with. */
export const HANDLER_IMPORTS = [
  "import type * as Op from '../operations.gen.js';",
  "import { notImplemented, type HandlerContext } from '../runtime.gen.js';",
];

/** One handler stub: typed by the operation, answering 501 until implemented. */
export function handlerStub(op: OperationModel): string {
  const doc = docComment([`${op.method.toUpperCase()} ${op.path}${op.summary ? ` — ${op.summary}` : ''}`, op.description, op.deprecated ? '@deprecated' : undefined]);
  return (
    `${doc}export async function ${op.name}(input: Op.${op.typeName}Input, ctx: HandlerContext): Promise<Op.${op.typeName}Result> {\n` +
    `  throw notImplemented(${str(op.name)});\n}\n`
  );
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
