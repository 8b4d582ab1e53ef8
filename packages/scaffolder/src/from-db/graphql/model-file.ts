import type { ServiceModel } from './service-model.js';

/** `model.gen.ts`: the model as a typed constant; every name is a JSON string literal, so it stays inert. */
export function modelFile(header: string, model: ServiceModel): string {
  return `${header}\nimport type { ServiceModel } from './service-model.gen.js';\n\n/** The tables, relations, enums and scalars of the database, as the resolvers see them. */\nexport const model: ServiceModel = ${compactJson(model, '')};\n`;
}

/** JSON, indented, with arrays of plain values (and of such arrays) on one line. */
function compactJson(value: unknown, indent: string): string {
  const flat = (v: unknown): boolean => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'));
  if (flat(value) || (Array.isArray(value) && value.every(flat))) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${compactJson(v, inner)}`).join(',\n')},\n${indent}]`.replace(/,\n(\s*)]$/, '\n$1]');
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`).join(',\n')}\n${indent}}`;
}
