import { commentText } from './database-file.js';

/** A handler signature as `sb scaffold` wrote it in a stub: `(input: Op.XInput, ctx: HandlerContext): Promise<Op.XResult>`. */
export interface StubSignature {
  readonly name: string;
  readonly doc: string;
  readonly params: string;
  readonly result: string;
}

const STUB = /((?:\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?)export async function ([A-Za-z_$][\w$]*)\(([^)]*)\): (Promise<[^>]+>) \{/g;

/** The exported handler signatures of a freshly generated stub file. */
export function readStubSignatures(text: string): StubSignature[] {
  return [...text.matchAll(STUB)].map((m) => ({ doc: m[1] ?? '', name: m[2]!, params: m[3]!, result: m[4]! }));
}

/**
 * A handler file whose functions keep the stub's signatures (so they stay typed by the spec) and get kysely
 * bodies. Functions without a body here stay stubs.
 */
export function implementedHandlerFile(stubText: string, table: string, bodies: ReadonlyMap<string, string>): string {
  const functions: string[] = [];
  for (const sig of readStubSignatures(stubText)) {
    const body = bodies.get(sig.name);
    if (body) functions.push(`${sig.doc}export async function ${sig.name}(${sig.params}): ${sig.result} {\n${body.split('\n').map((l) => `  ${l}`).join('\n')}\n}\n`);
  }
  const code = functions.join('\n');
  const helpers = HELPERS.filter((h) => new RegExp(`\\b${h}\\(`).test(code));
  return [
    `// Handlers for the ${commentText(table)} table, implemented with kysely by sb scaffold --from-db. Yours: later runs`,
    '// only append stubs for new operations to this file; they never change or delete what you write here.',
    "import type * as Op from '../operations.gen.js';",
    "import type { HandlerContext } from '../runtime.gen.js';",
    ...(/\bsql\./.test(code) ? ["import { sql } from 'kysely';"] : []),
    "import { db } from '../db/connection.js';",
    `import { ${helpers.join(', ')} } from '../db/crud.gen.js';`,
    '',
    code,
  ].join('\n');
}

const HELPERS = ['afterKey', 'badRequest', 'decodeCursor', 'encodeCursor', 'eq', 'keyWhere', 'notFound', 'readError', 'toJson', 'writeError'];
