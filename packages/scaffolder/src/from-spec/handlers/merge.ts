import type { OperationModel } from '../model/model.js';
import { handlerStub } from './stub.js';

/** The outcome of merging new operations into an existing handler file. */
export interface MergedHandlers {
  /** The new text (identical to the old one when nothing was added). */
  readonly text: string;
  /** Operations that got a stub. */
  readonly added: readonly OperationModel[];
  /** Operations whose handler was already exported. */
  readonly kept: readonly OperationModel[];
  /** Exported functions/constants that match no operation of this file. */
  readonly exported: readonly string[];
  /** Every `Op.<Type>` the file refers to (so types of vanished operations can be kept). */
  readonly opTypes: readonly string[];
}

/** What a handler file exports and which of the names the stubs use it imports (syntax only, no type checker). */
export interface HandlerScan {
  readonly exported: readonly string[];
  /** `Op` (namespace), `notImplemented`, `HandlerContext` — those of them the file imports. */
  readonly imports: readonly string[];
}

type Project = import('ts-morph').Project;
let project: Project | undefined;

async function getProject(): Promise<Project> {
  if (!project) {
    const { Project: P } = await import('ts-morph');
    project = new P({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: false } });
  }
  return project;
}

const STUB_IMPORTS = [
  ['Op', "import type * as Op from '../operations.gen.js';"],
  ['notImplemented', "import { notImplemented } from '../runtime.gen.js';"],
  ['HandlerContext', "import type { HandlerContext } from '../runtime.gen.js';"],
] as const;

/** Reads a handler file with ts-morph: its exports (functions, consts/lets, `export { a, b }`) and imports. */
export async function scanHandlerFile(existing: string): Promise<HandlerScan> {
  const p = await getProject();
  const file = p.createSourceFile(`/h${Math.random().toString(36).slice(2)}.ts`, existing, { overwrite: true });
  try {
    const exported = new Set<string>();
    for (const f of file.getFunctions()) if (f.isExported() && f.getName()) exported.add(f.getName()!);
    for (const v of file.getVariableStatements()) if (v.isExported()) for (const d of v.getDeclarations()) exported.add(d.getName());
    for (const e of file.getExportDeclarations()) if (!e.getModuleSpecifier()) for (const n of e.getNamedExports()) exported.add(n.getAliasNode()?.getText() ?? n.getName());
    const imports = new Set<string>();
    for (const d of file.getImportDeclarations()) {
      const ns = d.getNamespaceImport()?.getText();
      if (ns) imports.add(ns);
      for (const n of d.getNamedImports()) imports.add(n.getAliasNode()?.getText() ?? n.getName());
    }
    return { exported: [...exported], imports: STUB_IMPORTS.map(([name]) => name).filter((n) => imports.has(n)) };
  } finally {
    p.removeSourceFile(file);
  }
}

/** Every `Op.<Type>` a handler file refers to. */
export function opTypesOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\bOp\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!))];
}

/**
 * Appends stubs to an existing handler file for operations it does not export yet, given its {@link scanHandlerFile}
 * scan (scanned here when not given). The user's code is never rewritten: new text goes at the end, and a
 * missing import is added at the top.
 */
export async function mergeHandlers(existing: string, ops: readonly OperationModel[], scanned?: HandlerScan): Promise<MergedHandlers> {
  const scan = scanned ?? (await scanHandlerFile(existing));
  const exported = new Set(scan.exported);
  const added = ops.filter((op) => !exported.has(op.name));
  const kept = ops.filter((op) => exported.has(op.name));
  const opTypes = opTypesOf(existing);
  if (added.length === 0) return { text: existing, added, kept, exported: [...exported], opTypes };
  const missingImports = STUB_IMPORTS.filter(([name]) => !scan.imports.includes(name)).map(([, line]) => line);
  const body = `${existing.endsWith('\n') ? '' : '\n'}\n${added.map(handlerStub).join('\n')}`;
  const text = (missingImports.length > 0 ? `${missingImports.join('\n')}\n` : '') + existing + body;
  return { text, added, kept, exported: [...exported], opTypes };
}
