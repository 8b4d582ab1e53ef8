import { isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import { GRAPHQL_HEADER as GENERATED_HEADER } from './header.js';
import { resolverFields, tsName, tsType, userTypes } from '../model/sdl-model.js';

const doc = (text: string | null | undefined, indent = ''): string[] => (text ? [`${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, ' ')} */`] : []);

/**
 * `types.gen.ts`: a TypeScript type per object, input, enum, union and interface; an `…Args` type per field
 * with arguments; and `<Type>Resolvers`, the signature of every resolver: parent, args, context, return.
 */
export function typesFile(schema: GraphQLSchema): string {
  const t = userTypes(schema);
  const out = [GENERATED_HEADER, "import type { GraphQLResolveInfo } from 'graphql';", "import type { Context } from './context.js';", '',
    '/** A resolver: what it receives and what it may return (a value or a promise of one). */',
    'export type Resolver<Parent, Args, Result> = (parent: Parent, args: Args, context: Context, info: GraphQLResolveInfo) => Result | Promise<Result>;', ''];
  for (const e of t.enums) out.push(...doc(e.description), `export type ${tsName(e.name)} = ${e.getValues().map((v) => JSON.stringify(v.value)).join(' | ') || 'never'};`, '');
  for (const u of t.unions) out.push(...doc(u.description), `export type ${tsName(u.name)} = ${u.getTypes().map((m) => tsName(m.name)).join(' | ') || 'never'};`, '');
  for (const type of [...t.interfaces, ...t.objects]) {
    out.push(...doc(type.description), `export interface ${tsName(type.name)} {`);
    for (const f of Object.values(type.getFields())) out.push(...doc(f.description, '  '), `  ${JSON.stringify(f.name)}: ${tsType(f.type)};`);
    out.push('}', '');
  }
  for (const input of t.inputs) {
    out.push(...doc(input.description), `export interface ${tsName(input.name)} {`);
    for (const f of Object.values(input.getFields())) out.push(`  ${JSON.stringify(f.name)}${isNonNullType(f.type) ? '' : '?'}: ${tsType(f.type)};`);
    out.push('}', '');
  }
  const byType = new Map<string, string[]>();
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  for (const r of resolverFields(schema)) {
    const type = schema.getType(r.typeName);
    const field = isObjectType(type) ? type.getFields()[r.field] : undefined;
    if (!field) continue;
    const argsName = `${tsName(r.typeName)}${r.field[0]?.toUpperCase()}${r.field.slice(1)}Args`;
    out.push(`/** Arguments of \`${r.typeName}.${r.signature.replace(/`/g, '')}\`. */`, `export interface ${argsName} {`);
    for (const a of field.args) out.push(`  ${JSON.stringify(a.name)}${isNonNullType(a.type) ? '' : '?'}: ${tsType(a.type)};`);
    out.push('}', '');
    const parent = roots.has(r.typeName) ? 'Record<string, never>' : tsName(r.typeName);
    const list = byType.get(r.typeName) ?? [];
    list.push(`  ${JSON.stringify(r.field)}: Resolver<${parent}, ${argsName}, ${tsType(field.type)}>;`);
    byType.set(r.typeName, list);
  }
  for (const [typeName, fields] of byType) out.push(`/** The resolvers of \`${typeName}\`. */`, `export interface ${tsName(typeName)}Resolvers {`, ...fields, '}', '');
  return `${out.join('\n').trimEnd()}\n`;
}
