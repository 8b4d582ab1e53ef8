import type { ApiModel, MediaModel, OperationModel, ParamIn, ResponseModel } from '../model/model.js';
import { GENERATED_HEADER } from './header.js';
import { docComment, propKey, str } from './literal.js';
import { schemaTags } from './schema-tags.js';
import { schemaToTs, type RefNamer } from './ts-types.js';

const LOCATIONS: readonly [ParamIn, string][] = [
  ['path', 'params'],
  ['query', 'query'],
  ['header', 'headers'],
  ['cookie', 'cookies'],
];

function mediaType(m: MediaModel, refName: RefNamer, indent: string): string {
  if (m.kind === 'json' || m.kind === 'form') return schemaToTs(m.schema, refName, indent);
  if (m.kind === 'text') return 'string';
  if (m.kind === 'multipart') return 'undefined';
  return 'string | Uint8Array';
}

function bodyType(op: OperationModel, refName: RefNamer): string {
  if (!op.body || op.body.media.length === 0) return 'undefined';
  const types = [...new Set(op.body.media.map((m) => mediaType(m, refName, '  ')))];
  const t = types.length === 1 ? types[0]! : types.map((x) => `(${x})`).join(' | ');
  return op.body.required ? t : `${t} | undefined`;
}

function statusType(status: string): string {
  return /^\d{3}$/.test(status) ? status : 'number';
}

function responseType(r: ResponseModel, refName: RefNamer): string {
  const media = r.media.filter((m) => m.kind !== 'multipart');
  const body = media.length === 0 ? 'body?: undefined' : `body: ${[...new Set(media.map((m) => mediaType(m, refName, '  ')))].join(' | ')}`;
  return `${docComment([r.description], '  ')}  | { status: ${statusType(r.status)}; ${body}; headers?: Record<string, string> }`;
}

/** The input, result and per-location types of one operation. */
function operationTypes(op: OperationModel, refName: RefNamer): string {
  const t = op.typeName;
  const out: string[] = [];
  for (const [where, key] of LOCATIONS) {
    const params = op.params.filter((p) => p.in === where);
    const name = `${t}${key.charAt(0).toUpperCase()}${key.slice(1)}`;
    if (params.length === 0) out.push(`export type ${name} = Record<string, never>;`);
    else {
      const lines = params.map((p) => `${docComment([p.description, ...schemaTags(p.schema)], '  ')}  ${propKey(p.name)}${p.required ? '' : '?'}: ${schemaToTs(p.schema, refName, '  ')};`);
      out.push(`export interface ${name} {\n${lines.join('\n')}\n}`);
    }
  }
  out.push(`export type ${t}Body = ${bodyType(op, refName)};`);
  out.push(
    `${docComment([`Input of ${op.method.toUpperCase()} ${op.path}${op.operationId !== undefined ? ` (${op.operationId})` : ''}, validated and coerced.`])}` +
      `export interface ${t}Input {\n${LOCATIONS.map(([, key]) => `  ${key}: ${t}${key.charAt(0).toUpperCase()}${key.slice(1)};`).join('\n')}\n  body: ${t}Body;\n}`,
  );
  const responses = op.responses.length === 0 ? ['  | { status: number; body?: unknown; headers?: Record<string, string> }'] : op.responses.map((r) => responseType(r, refName));
  out.push(`${docComment([`What the ${op.name} handler may answer, by status.`])}export type ${t}Result =\n${responses.join('\n')};`);
  return out.join('\n');
}

const SUFFIXES = ['Params', 'Query', 'Headers', 'Cookies', 'Body', 'Input', 'Result'];

/**
 * Types that handler files still use but no operation defines anymore (the operation vanished from the
 * spec): kept as deprecated `any` so the user's orphaned handler compiles until they delete it.
 */
function vanishedTypes(model: ApiModel, used: ReadonlySet<string>): string[] {
  const defined = new Set(model.operations.flatMap((op) => SUFFIXES.map((s) => op.typeName + s)));
  return [...used]
    .filter((t) => !defined.has(t) && /^[A-Za-z_$][\w$]*$/.test(t))
    .sort()
    .map((t) => `/** @deprecated Its operation is no longer in the spec: delete the handler that uses it. */\n// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport type ${t} = any;`);
}

/** `operations.gen.ts`: for every operation `<Op>Input`, `<Op>Result` and the parameter types. */
export function emitOperationsFile(model: ApiModel, usedByHandlers: ReadonlySet<string> = new Set()): string {
  const names = new Map(model.schemas.map((s) => [s.ref, s.typeName]));
  const refName = (ref: string): string => {
    const n = names.get(ref);
    return n === undefined ? 'unknown' : `S.${n}`;
  };
  const out = [GENERATED_HEADER, "import type * as S from './types.gen.js';", ''];
  for (const op of model.operations) {
    out.push(`// ${op.method.toUpperCase()} ${str(op.path).slice(1, -1).replace(/[\r\n]/g, ' ')}`, operationTypes(op, refName), '');
  }
  const vanished = vanishedTypes(model, usedByHandlers);
  if (vanished.length > 0) out.push('// Types of operations that vanished from the spec but still have handlers.', ...vanished, '');
  if (model.operations.length === 0) out.push('export {};', '');
  return out.join('\n');
}
