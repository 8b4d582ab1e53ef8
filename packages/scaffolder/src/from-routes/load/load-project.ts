import { existsSync } from 'node:fs';
import path from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import { ScaffoldError } from '../../errors.js';
import type { SpecWarning } from '../options.js';

/** The parsed route files, with a type checker over them. */
export interface LoadedProject {
  readonly project: Project;
  readonly files: readonly SourceFile[];
  readonly warnings: readonly SpecWarning[];
}

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  checkJs: false,
  strict: true,
  skipLibCheck: true,
  esModuleInterop: true,
  noEmit: true,
};

/**
 * Parses the files with ts-morph. Files with syntax errors are left out with a warning naming file:line:col;
 * when none parses, a `SCAFFOLD_ROUTES_PARSE` error lists them all.
 */
export function loadProject(files: readonly string[], tsconfig: string | undefined): LoadedProject {
  const config = tsconfig ?? nearestTsconfig(path.dirname(files[0] ?? '.'));
  const project = config
    ? new Project({ tsConfigFilePath: config, skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: true, noEmit: true } })
    : new Project({ compilerOptions: DEFAULT_OPTIONS });
  const loaded = files.map((f) => project.addSourceFileAtPath(f));
  const program = project.getProgram().compilerObject;
  const warnings: SpecWarning[] = [];
  const problems: string[] = [];
  const good: SourceFile[] = [];
  for (const sf of loaded) {
    const diags = program.getSyntacticDiagnostics(program.getSourceFile(sf.getFilePath()));
    if (diags.length === 0) {
      good.push(sf);
      continue;
    }
    for (const d of diags.slice(0, 3)) {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const source = `${path.relative(process.cwd(), sf.getFilePath())}${where ? `:${where.line + 1}:${where.character + 1}` : ''}`;
      const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
      problems.push(`${source}: ${message}`);
      warnings.push({ code: 'route-file-does-not-parse', message: `${message}; file skipped`, source });
    }
  }
  if (good.length === 0) {
    throw new ScaffoldError('SCAFFOLD_ROUTES_PARSE', `no route file could be parsed:\n${problems.join('\n')}`);
  }
  return { project, files: good, warnings };
}

function nearestTsconfig(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const candidate = path.join(d, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (existsSync(path.join(d, 'package.json')) || path.dirname(d) === d) return undefined;
  }
}
