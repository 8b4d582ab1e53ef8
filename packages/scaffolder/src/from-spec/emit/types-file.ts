import type { ApiModel } from '../model/model.js';
import { GENERATED_HEADER } from './header.js';
import { docComment } from './literal.js';
import { schemaToTs } from './ts-types.js';

/** `types.gen.ts`: one exported type per named schema (components first). */
export function emitTypesFile(model: ApiModel): string {
  const names = new Map(model.schemas.map((s) => [s.ref, s.typeName]));
  const refName = (ref: string): string => names.get(ref) ?? 'unknown';
  const out: string[] = [GENERATED_HEADER, ''];
  for (const s of model.schemas) {
    out.push(`${docComment([s.description, `@see ${s.ref}`])}export type ${s.typeName} = ${schemaToTs(s.schema, refName)};`, '');
  }
  if (model.schemas.length === 0) out.push('export {};', '');
  return out.join('\n');
}
