import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every .ts file under `dir`. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.includes('.sb-scaffold-'))
    .map((f) => path.join(dir, f));
}

/** Type-checks a generated tree under `tsc --strict` (NodeNext, as a user's ESM project would) and returns the diagnostics as text. */
export function typecheck(dirs: string | readonly string[]): string[] {
  const list = typeof dirs === 'string' ? [dirs] : dirs;
  const root = typeof dirs === 'string' ? dirs : path.dirname(list[0] ?? '.');
  const program = ts.createProgram(list.flatMap(tsFiles), {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: ['node'],
    lib: ['lib.es2022.d.ts'],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return msg;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(root, d.file.fileName)}:${line + 1}:${character + 1} ${msg}`;
  });
}
