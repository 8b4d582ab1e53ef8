import type { Framework } from '../options.js';

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
  graphql: '16.15.0',
  'graphql-yoga': '5.24.1',
  kysely: '0.28.19',
  dataloader: '2.2.3',
  pg: '8.23.1',
  typescript: '5.9.3',
  '@types/node': '20.19.43',
  '@types/express': '5.0.6',
  '@types/koa': '3.0.3',
  '@types/pg': '8.23.1',
} as const satisfies Record<string, string>;

/** A dependency name of {@link VERSIONS}. */
export type KnownDependency = keyof typeof VERSIONS;

/** The server and its security headers, per framework: what every generated project runs on. */
const FRAMEWORK: Record<Framework, readonly KnownDependency[]> = {
  express: ['express', 'helmet', '@types/express'],
  fastify: ['fastify', '@fastify/helmet'],
  koa: ['koa', 'koa-helmet', '@types/koa'],
};

/**
 * `dependencies` and `devDependencies` of a generated project: the framework's, TypeScript and node's types, and
 * `extra` (a `@types/…` name goes to `devDependencies`); exact versions, sorted.
 *
 * @example
 * projectDependencies('koa', ['graphql', 'graphql-yoga']).dependencies; // { graphql: '16.15.0', 'graphql-yoga': '5.24.1', koa: '3.3.0', 'koa-helmet': '9.0.0' }
 */
export function projectDependencies(framework: Framework, extra: readonly KnownDependency[] = []): { dependencies: Record<string, string>; devDependencies: Record<string, string> } {
  const all = ['typescript', '@types/node', ...FRAMEWORK[framework], ...extra] as const;
  const dev = (n: KnownDependency): boolean => n === 'typescript' || n.startsWith('@types/');
  const pick = (names: readonly KnownDependency[]): Record<string, string> => Object.fromEntries([...new Set(names)].sort().map((n) => [n, VERSIONS[n]]));
  return { dependencies: pick(all.filter((n) => !dev(n))), devDependencies: pick(all.filter(dev)) };
}
