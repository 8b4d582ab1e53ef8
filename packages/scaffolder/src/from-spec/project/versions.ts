import type { Framework } from '../../options.js';

/**
 * The exact versions a generated project depends on: the versions this package's own tests run the generated
 * code against (a test keeps this table equal to the installed ones), so `npm install` gets what was tested.
 */
export const VERSIONS = {
  ajv: '8.20.0',
  'ajv-formats': '3.0.1',
  express: '5.3.0',
  helmet: '8.3.0',
  fastify: '5.12.8',
  '@fastify/helmet': '13.2.0',
  koa: '3.3.0',
  '@koa/router': '15.7.0',
  'koa-helmet': '9.0.0',
  kysely: '0.28.19',
  pg: '8.23.1',
  typescript: '5.9.3',
  '@types/node': '20.19.43',
  '@types/express': '5.0.6',
  '@types/koa': '3.0.3',
  '@types/pg': '8.23.1',
} as const satisfies Record<string, string>;

/** A dependency name of {@link VERSIONS}. */
export type KnownDependency = keyof typeof VERSIONS;

const RUNTIME: Record<Framework, readonly KnownDependency[]> = {
  express: ['express', 'helmet'],
  fastify: ['fastify', '@fastify/helmet'],
  koa: ['koa', '@koa/router', 'koa-helmet'],
};
const TYPES: Record<Framework, readonly KnownDependency[]> = { express: ['@types/express'], fastify: [], koa: ['@types/koa'] };

/** `dependencies` and `devDependencies` of a generated project, exact versions, sorted. */
export function projectDependencies(framework: Framework, extra: readonly KnownDependency[] = []): { dependencies: Record<string, string>; devDependencies: Record<string, string> } {
  const pick = (names: readonly KnownDependency[]): Record<string, string> => Object.fromEntries([...new Set(names)].sort().map((n) => [n, VERSIONS[n]]));
  const runtime = ['ajv', 'ajv-formats', ...RUNTIME[framework], ...extra.filter((d) => !d.startsWith('@types/'))] as KnownDependency[];
  const dev = ['typescript', '@types/node', ...TYPES[framework], ...extra.filter((d) => d.startsWith('@types/'))] as KnownDependency[];
  return { dependencies: pick(runtime), devDependencies: pick(dev) };
}
