import type { OperationModel } from '../../from-spec/model/model.js';
import { handlerFunction, handlerStub } from '../../from-spec/handlers/stub.js';
import { commentText } from './database-file.js';

/**
 * A new handler file for one table: the functions `scaffold()` would have stubbed, with the same typed
 * signatures, implemented with kysely. Operations without a body here stay stubs.
 */
export function implementedHandlerFile(ops: readonly OperationModel[], table: string, bodies: ReadonlyMap<string, string>): string {
  const functions = ops.map((op) => {
    const body = op.operationId === undefined ? undefined : bodies.get(op.operationId);
    return body === undefined ? handlerStub(op) : handlerFunction(op, body);
  });
  const code = functions.join('\n');
  const helpers = HELPERS.filter((h) => new RegExp(`\\b${h}\\(`).test(code));
  const stubs = /\bnotImplemented\(/.test(code);
  return [
    `// Handlers for the ${commentText(table)} table, implemented with kysely by sb scaffold --from-db. Yours: later runs`,
    '// only append stubs for new operations to this file; they never change or delete what you write here.',
    "import type * as Op from '../operations.gen.js';",
    `import { ${stubs ? 'notImplemented, ' : ''}type HandlerContext } from '../runtime.gen.js';`,
    ...(/\bsql\./.test(code) ? ["import { sql } from 'kysely';"] : []),
    "import { db } from '../db/connection.js';",
    ...(helpers.length > 0 ? [`import { ${helpers.join(', ')} } from '../db/crud.gen.js';`] : []),
    '',
    code,
  ].join('\n');
}

const HELPERS = ['afterKey', 'badRequest', 'decodeCursor', 'encodeCursor', 'eq', 'keyWhere', 'notFound', 'readError', 'toJson', 'writeError'];
