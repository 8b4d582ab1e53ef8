import path from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import { Args, Flags } from '@oclif/core';
import type { ScaffoldDbGraphqlResult, ScaffoldFromDbResult, ScaffoldGraphqlResult, ScaffoldResult } from '@sb/scaffolder';
import { SbCommand } from '../base/sb-command.js';
import { formatScaffoldResult } from '../format/scaffold.js';
import { formatGraphqlResult } from '../format/scaffold-graphql.js';
import { formatDbGraphqlResult, formatFromDbResult } from '../format/spec-from-db.js';
import { userCwd } from '../options/cwd.js';
import { toFromDbOptions, toGraphqlOptions, toScaffoldOptions, type ScaffoldFlags } from '../options/scaffold.js';

export default class Scaffold extends SbCommand {
  static override summary = 'Generate typed Express, Fastify or Koa routes, precompiled validators and handler stubs from an OpenAPI 3.0/3.1 spec.';
  static override description =
    '*.gen.ts files are rewritten on every run; handlers/<group>.ts, auth.ts and server.ts are yours: created once, then only ' +
    'appended to (new operations get stubs, vanished ones are reported, never deleted). Spec quirks are normalised with a ' +
    'warning each; an invalid spec lists every problem (JSON pointer, file:line) and nothing is written.';
  static override examples = [
    '<%= config.bin %> scaffold openapi.yaml --framework express --output src/routes/',
    '<%= config.bin %> scaffold openapi.json --framework fastify --output src/api --dry-run',
    '<%= config.bin %> scaffold openapi.yaml --framework koa --output src/routes --json',
    '<%= config.bin %> scaffold --from-db postgres://localhost/mydb --framework fastify --output src/',
    '<%= config.bin %> scaffold --from-db postgres://localhost/mydb --api graphql --framework express --output service/',
    '<%= config.bin %> scaffold schema.graphql --framework fastify --output service/',
  ];
  static override args = {
    spec: Args.string({ description: 'The OpenAPI 3.0/3.1 description (YAML or JSON; external $refs are bundled), or a GraphQL schema (.graphql/.gql file or folder). Not with --from-db.' }),
  };
  static override flags = {
    framework: Flags.string({ char: 'f', description: 'Target framework.', options: ['express', 'fastify', 'koa'], required: true }),
    output: Flags.string({ char: 'o', description: 'Folder to generate into (nothing is written outside it).', required: true }),
    'dry-run': Flags.boolean({ description: 'Report what would be written, write nothing.' }),
    project: Flags.boolean({
      description: 'Make a project that runs (package.json, tsconfig.json, .gitignore, README.md, server.ts, a smoke test; never overwritten): this folder when no package.json exists between here and --output, or the GraphQL service folder. --no-project: only the routes or the service code.',
      default: true,
      allowNo: true,
    }),
    'no-cache': Flags.boolean({ description: 'Ignore the generation cache in <output>/.sb/ and recompile every validator.' }),
    'from-db': Flags.string({ description: 'Generate a CRUD API (kysely handlers) from this PostgreSQL database instead of a spec (postgres:// URL).' }),
    api: Flags.string({ description: 'With --from-db: a REST CRUD API (kysely handlers, OpenAPI) or a GraphQL service (GraphQL Yoga, DataLoader relations) in --output.', options: ['rest', 'graphql'], default: 'rest' }),
    schema: Flags.string({ description: 'With --from-db: only this schema (repeatable; default every user schema).', multiple: true }),
    auth: Flags.string({ description: 'With --from-db: operations that require a bearer token (checked in auth.ts).', options: ['writes', 'all', 'none'], default: 'writes' }),
    'writable-timestamps': Flags.boolean({ description: 'With --from-db: let clients write date/time columns that default to now() (readOnly by default, like identity, serial and generated columns).' }),
  };

  async run(): Promise<ScaffoldResult | ScaffoldFromDbResult | ScaffoldDbGraphqlResult | ScaffoldGraphqlResult> {
    const { args, flags } = await this.parse(Scaffold);
    if (flags['from-db'] !== undefined || args.spec === undefined) return this.fromDb(args.spec, flags);
    if (isGraphqlSchema(path.resolve(userCwd(), args.spec))) {
      const { scaffoldGraphql } = await import('@sb/scaffolder');
      const run = this.startRun();
      const result = await scaffoldGraphql(toGraphqlOptions(args.spec, flags, userCwd()), run).finally(() => run.end());
      if (!this.jsonEnabled()) this.log(formatGraphqlResult(result, { dryRun: flags['dry-run'] === true }));
      return result;
    }
    const { scaffold } = await import('@sb/scaffolder');
    const run = this.startRun();
    const result = await scaffold(toScaffoldOptions(args.spec, flags, userCwd()), run).finally(() => run.end());
    if (!this.jsonEnabled()) this.log(formatScaffoldResult(result, { verbose: flags.verbose === true, dryRun: flags['dry-run'] }));
    return result;
  }

  /** `--from-db`: schema → spec → routes with handlers implemented with kysely, or (`--api graphql`) a GraphQL service. */
  private async fromDb(spec: string | undefined, flags: ScaffoldFlags): Promise<ScaffoldFromDbResult | ScaffoldDbGraphqlResult> {
    const url = flags['from-db'];
    if (spec !== undefined || url === undefined) this.error('give either an OpenAPI spec file or --from-db <postgres://…>, not both or neither', { exit: 2 });
    const { scaffoldFromDb } = await import('@sb/scaffolder');
    const run = this.startRun();
    const result = await scaffoldFromDb(toFromDbOptions({ ...flags, 'from-db': url }, userCwd()), run).finally(() => run.end());
    if (!this.jsonEnabled()) this.log(result.api === 'graphql' ? formatDbGraphqlResult(result, { dryRun: flags['dry-run'] === true }) : formatFromDbResult(result, { dryRun: flags['dry-run'] === true }));
    return result;
  }
}

/** A GraphQL SDL file, or a folder of them (schema-first GraphQL instead of OpenAPI). */
export function isGraphqlSchema(spec: string): boolean {
  if (/\.(graphql|gql)$/i.test(spec)) return true;
  try {
    return statSync(spec).isDirectory() && readdirSync(spec).some((f) => /\.(graphql|gql)$/i.test(f));
  } catch {
    return false;
  }
}
