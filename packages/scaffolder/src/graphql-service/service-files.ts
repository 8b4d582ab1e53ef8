import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Framework } from '../options.js';
import type { KnownDependency } from '../project/versions.js';
import { readTemplate } from '../templates/read-template.js';
import type { PlannedFile } from '../write/atomic-write.js';
import { graphqlProjectFiles } from './graphql-project.js';

/** What differs between the GraphQL services `sb scaffold` writes (schema-first, database-first). */
export interface GraphqlServiceInput {
  readonly framework: Framework;
  /** The service folder (absolute). */
  readonly output: string;
  /** First line of every generated file. */
  readonly header: string;
  /** The printed schema (`type-defs.gen.ts`). */
  readonly sdl: string;
  /** The template of the user's `context.ts`, created when missing. */
  readonly contextTemplate: string;
  /** Make the folder a project that runs (default true). */
  readonly project?: boolean;
  readonly origin: 'sdl' | 'db';
  readonly dependencies?: readonly KnownDependency[];
}

/**
 * The files every GraphQL service shares: `type-defs.gen.ts`, the protections (`protection.gen.ts`), the
 * GraphQL Yoga server (`yoga.gen.ts`) and its mount for the framework (`mount.gen.ts`), rewritten on every run;
 * `limits.ts` and `context.ts`, created once; and the project files (see {@link graphqlProjectFiles}). The
 * service's own `resolvers.gen.ts` (and what it imports) is the caller's.
 *
 * @example
 * const files = await graphqlServiceFiles({ framework: 'koa', output: '/srv/api', header, sdl, contextTemplate: 'graphql/context.ts', origin: 'sdl' });
 */
export async function graphqlServiceFiles(input: GraphqlServiceInput): Promise<PlannedFile[]> {
  const gen = async (p: string, content: string | Promise<string>): Promise<PlannedFile> => ({ path: p, content: `${input.header}\n${await content}`, kind: 'generated' });
  const planned: PlannedFile[] = [
    await gen('type-defs.gen.ts', `\n/** The schema the service serves. */\nexport const typeDefs = ${JSON.stringify(input.sdl)};\n`),
    await gen('protection.gen.ts', readTemplate('graphql/protection.gen.ts')),
    await gen('yoga.gen.ts', readTemplate('graphql/yoga.gen.ts')),
    await gen('mount.gen.ts', readTemplate(`graphql/${input.framework}/mount.gen.ts`)),
  ];
  const userFiles: [string, string][] = [
    ['limits.ts', 'graphql/limits.ts'],
    ['context.ts', input.contextTemplate],
  ];
  for (const [p, template] of userFiles) if (!(await exists(input.output, p))) planned.push({ path: p, content: await readTemplate(template), kind: 'user' });
  if (input.project !== false) planned.push(...(await graphqlProjectFiles({ framework: input.framework, output: input.output, origin: input.origin, ...(input.dependencies ? { dependencies: input.dependencies } : {}) })));
  return planned;
}

/** Whether `file` (relative to `root`) exists. */
export async function exists(root: string, file: string): Promise<boolean> {
  return (await stat(path.join(root, file)).catch(() => undefined)) !== undefined;
}
