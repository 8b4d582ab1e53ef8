import { Args, Flags } from '@oclif/core';
import type { Framework, ScaffoldOptions, ScaffoldResult } from '@sb/scaffolder';
import { SbCommand } from '../base/sb-command.js';
import { ProgressLine } from '../format/progress-line.js';
import { formatScaffoldResult } from '../format/scaffold.js';

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
  ];
  static override args = {
    spec: Args.string({ description: 'The OpenAPI 3.0/3.1 description (YAML or JSON; external $refs are bundled).', required: true }),
  };
  static override flags = {
    framework: Flags.string({ char: 'f', description: 'Target framework.', options: ['express', 'fastify', 'koa'], required: true }),
    output: Flags.string({ char: 'o', description: 'Folder to generate into (nothing is written outside it).', required: true }),
    'dry-run': Flags.boolean({ description: 'Report what would be written, write nothing.' }),
  };

  async run(): Promise<ScaffoldResult> {
    const { args, flags } = await this.parse(Scaffold);
    const { scaffold } = await import('@sb/scaffolder');
    const progress = new ProgressLine(this.interactive);
    const result = await scaffold({ ...toOptions(args.spec, flags), onProgress: (p) => progress.update(p.message, true) }).finally(() => progress.done());
    if (!this.jsonEnabled()) this.log(formatScaffoldResult(result, { verbose: flags.verbose === true, dryRun: flags['dry-run'] }));
    return result;
  }
}

/** Flags → library options (pure). */
export function toOptions(spec: string, flags: { framework: string; output: string; 'dry-run'?: boolean }): ScaffoldOptions {
  return { spec, framework: flags.framework as Framework, output: flags.output, dryRun: flags['dry-run'] === true };
}
