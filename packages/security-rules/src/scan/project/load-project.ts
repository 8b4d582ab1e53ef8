import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import { SecurityRulesError } from '../../errors.js';
import { findSourceFiles } from './find-files.js';

/** A file the scanner could not parse; it is reported and the scan goes on with the others. */
export interface ParseProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** The loaded project: the ts-morph Project and the files to scan. */
export interface LoadedProject {
  readonly project: Project;
  readonly files: readonly SourceFile[];
  readonly tsconfig: string | undefined;
  readonly problems: readonly ParseProblem[];
  readonly root: string;
}

/** The nearest `tsconfig.json` at or above `start` (a file or a directory). */
export function findNearestTsconfig(start: string): string | undefined {
  let dir = existsSync(start) && statSync(start).isDirectory() ? start : dirname(start);
  for (;;) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function checkTsconfig(path: string): void {
  if (!existsSync(path)) throw new SecurityRulesError('SECRULES_TSCONFIG_INVALID', `tsconfig not found: ${path}`);
  const read = ts.readConfigFile(path, ts.sys.readFile);
  if (read.error) {
    const msg = ts.flattenDiagnosticMessageText(read.error.messageText, ' ');
    const pos = read.error.file && read.error.start !== undefined
      ? read.error.file.getLineAndCharacterOfPosition(read.error.start)
      : undefined;
    throw new SecurityRulesError('SECRULES_TSCONFIG_INVALID', `${path}${pos ? `:${pos.line + 1}` : ''}: ${msg}`);
  }
}

/**
 * A tsconfig without `lib` gets its target's default library, which for a backend needlessly includes the DOM
 * (`lib.dom.d.ts` alone is a third of the parse and bind time of a small app): the scan uses the target's
 * ECMAScript library instead. An explicit `lib` (or `noLib`) is kept as written.
 */
function withoutDomLib(project: Project): void {
  const options = project.compilerOptions.get();
  if (options.lib !== undefined || options.noLib === true) return;
  const full = ts.getDefaultLibFileName(options);
  project.compilerOptions.set({ lib: [full === 'lib.d.ts' ? 'lib.es5.d.ts' : full.replace('.full.d.ts', '.d.ts')] });
}

/** Builds a ts-morph Project (allowJs on) from the nearest or given tsconfig and adds the files to scan. */
export function loadProject(paths: readonly string[], tsconfig?: string): LoadedProject {
  if (paths.length === 0) throw new SecurityRulesError('SECRULES_INVALID_OPTION', 'no path to scan was given');
  for (const p of paths) {
    if (!existsSync(p)) throw new SecurityRulesError('SECRULES_PATH_NOT_FOUND', `path does not exist: ${p}`);
  }
  const config = tsconfig !== undefined ? resolve(tsconfig) : findNearestTsconfig(resolve(paths[0] ?? '.'));
  if (config !== undefined) checkTsconfig(config);
  const compilerOptions = { allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true };
  const project = config !== undefined
    ? new Project({ tsConfigFilePath: config, skipAddingFilesFromTsConfig: true, compilerOptions })
    : new Project({
        compilerOptions: { ...compilerOptions, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true },
      });
  withoutDomLib(project);
  const files = findSourceFiles(paths).map((f) => project.addSourceFileAtPath(f));
  const root = resolve(statSync(paths[0] ?? '.').isDirectory() ? (paths[0] ?? '.') : dirname(paths[0] ?? '.'));
  const problems: ParseProblem[] = [];
  const good: SourceFile[] = [];
  const program = project.getProgram().compilerObject;
  for (const sf of files) {
    const diags = program.getSyntacticDiagnostics(sf.compilerNode);
    const first = diags[0];
    if (first === undefined) {
      good.push(sf);
      continue;
    }
    const pos = first.start !== undefined ? sf.compilerNode.getLineAndCharacterOfPosition(first.start) : { line: 0 };
    problems.push({ file: relative(process.cwd(), sf.getFilePath()), line: pos.line + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') });
  }
  return { project, files: good, tsconfig: config, problems, root };
}
