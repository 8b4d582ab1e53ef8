import type { ResolverField } from '../model/sdl-model.js';
import { tsName } from '../model/sdl-model.js';

/** `resolvers/<Type>/<field>.ts`, relative to the output folder. */
export function stubPath(r: Pick<ResolverField, 'typeName' | 'field'>): string {
  return `resolvers/${r.typeName}/${r.field}.ts`;
}

/** A resolver stub the user owns: created once, never rewritten. Throws NOT_IMPLEMENTED until filled in. */
export function stubFile(r: ResolverField): string {
  return [
    "import { GraphQLError } from 'graphql';",
    `import type { ${tsName(r.typeName)}Resolvers } from '../../types.gen.js';`,
    '',
    `/** \`${r.typeName}.${r.signature.replace(/`/g, '')}\` — yours to implement; \`sb scaffold\` never rewrites this file. */`,
    `export const resolve: ${tsName(r.typeName)}Resolvers[${JSON.stringify(r.field)}] = async () => {`,
    `  throw new GraphQLError(${JSON.stringify(`${r.typeName}.${r.field} is not implemented yet`)}, { extensions: { code: 'NOT_IMPLEMENTED' } });`,
    '};',
    '',
  ].join('\n');
}

/** `resolvers.gen.ts`: the resolver map Yoga is given, one import per stub. */
export function resolverIndexFile(fields: readonly ResolverField[], header: string): string {
  const imports = fields.map((r, i) => `import { resolve as r${i} } from './${stubPath(r).replace(/\.ts$/, '.js')}';`);
  const byType = new Map<string, string[]>();
  fields.forEach((r, i) => byType.set(r.typeName, [...(byType.get(r.typeName) ?? []), `    ${JSON.stringify(r.field)}: r${i},`]));
  const body = [...byType].flatMap(([type, entries]) => [`  ${JSON.stringify(type)}: {`, '    __proto__: null,', ...entries, '  },']);
  return [header, ...imports, '', '/** Every resolver, by type and field; no level has a prototype (nothing resolves through Object.prototype). */', 'export const resolvers = {', '  __proto__: null,', ...body, '};', ''].join('\n');
}
