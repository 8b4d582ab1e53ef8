import { Args, Flags } from '@oclif/core';
import type { SpecFromRoutesResult } from '@sb/scaffolder';
import { SbCommand } from '../base/sb-command.js';
import { formatSpecResult } from '../format/spec.js';
import { userCwd } from '../options/cwd.js';
import { toSpecOptions } from '../options/spec.js';

export default class Spec extends SbCommand {
  static override summary = 'Read Express, Fastify or Koa route code and write the OpenAPI 3.1 document it implements.';
  static override description =
    'Paths, methods, operation ids, parameters, request bodies and responses are inferred from TypeScript types, zod schemas, ' +
    'Fastify JSON schemas and res.status(n).json(x)-style call sites. What cannot be inferred is listed per route, never invented.';
  static override examples = [
    '<%= config.bin %> spec src/routes/ --output openapi.yaml',
    '<%= config.bin %> spec src/app.ts src/routes/ --output openapi.json --title "Pet store"',
    '<%= config.bin %> spec src/routes/ --strict   # exit 1 when anything could not be inferred',
  ];
  static override strict = false;
  static override args = {
    input: Args.string({ description: 'Route files or folders (read recursively).', required: true }),
  };
  static override flags = {
    output: Flags.string({ char: 'o', description: 'Write the document here (.json → JSON, else YAML). Without it, YAML goes to stdout.' }),
    title: Flags.string({ description: 'info.title (default: package.json name).' }),
    'api-version': Flags.string({ description: 'info.version (default: package.json version).' }),
    tsconfig: Flags.string({ description: 'tsconfig.json to resolve types with (default: the nearest one).' }),
    strict: Flags.boolean({ description: 'Exit 1 when a part of a route could not be inferred.' }),
    'no-cache': Flags.boolean({ description: 'Infer again even if no file read changed since the last run (cached in node_modules/.cache/sb).' }),
  };

  async run(): Promise<SpecFromRoutesResult> {
    const { argv, flags } = await this.parse(Spec);
    const { specFromRoutes, serializeSpec } = await import('@sb/scaffolder');
    const run = this.startRun();
    const result = await specFromRoutes(toSpecOptions(argv as string[], flags, userCwd()), run).finally(() => run.end());
    if (!this.jsonEnabled()) {
      if (flags.output) this.logToStderr(formatSpecResult(result, flags.output));
      else {
        process.stdout.write(serializeSpec(result.document, 'yaml'));
        this.logToStderr(formatSpecResult(result, undefined));
      }
    }
    if (flags.strict && result.routes.some((r) => r.notInferred.length > 0)) this.failCheck();
    return result;
  }
}
