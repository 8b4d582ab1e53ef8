import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ScaffoldError } from '../errors.js';
import { createLocator, type Locator } from './locate.js';
import { InvalidSpecError, type SpecProblem } from './spec-problem.js';
import { detectVersion } from './version.js';

/** A spec read into memory, before validation. */
export interface LoadedSpec {
  /** The (bundled) document. Never the caller's object: a private deep copy. */
  readonly doc: Record<string, unknown>;
  /** The root file, when the spec came from a file. */
  readonly file: string | undefined;
  /** JSON pointer → file:line, for the root file's pointers. */
  readonly locate: Locator;
  /** True when external `$ref`s were bundled in. */
  readonly bundled: boolean;
}

function hasExternalRef(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (cur === null || typeof cur !== 'object') continue;
    if (Array.isArray(cur)) {
      for (const v of cur) stack.push(v);
      continue;
    }
    const ref = (cur as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string' && !ref.startsWith('#')) return true;
    for (const v of Object.values(cur)) stack.push(v);
  }
  return false;
}

function parseText(file: string, text: string): { doc: unknown; locate: Locator } {
  const trimmed = text.trimStart();
  if (file.endsWith('.json') || trimmed.startsWith('{')) {
    try {
      return { doc: JSON.parse(text) as unknown, locate: createLocator(file, text) };
    } catch {
      // Fall through to the YAML parser, which reports a line and column.
    }
  }
  const lines = new LineCounter();
  const ydoc = parseDocument(text, { lineCounter: lines });
  if (ydoc.errors.length > 0) {
    const problems: SpecProblem[] = ydoc.errors.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return { pointer: '#', message: e.message.split('\n')[0] ?? e.message, location: { file, line: pos.line, column: pos.col } };
    });
    throw new InvalidSpecError('SCAFFOLD_SPEC_PARSE', problems);
  }
  return { doc: ydoc.toJS({ maxAliasCount: -1 }) as unknown, locate: createLocator(file, text, { doc: ydoc, lines }) };
}

async function bundle(file: string): Promise<Record<string, unknown>> {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser');
  try {
    return (await SwaggerParser.bundle(file)) as unknown as Record<string, unknown>;
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] ?? err.message : String(err);
    throw new InvalidSpecError('SCAFFOLD_INVALID_SPEC', [{ pointer: '#', message: `cannot bundle external $refs: ${message}` }], err);
  }
}

/**
 * Reads a spec from a file (YAML or JSON, bundling external `$ref`s) or copies an in-memory document.
 * `shown` is how messages name the file (default `spec`).
 */
export async function loadSpec(spec: string | object, shown?: string): Promise<LoadedSpec> {
  if (typeof spec !== 'string') {
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
      throw new ScaffoldError('SCAFFOLD_INVALID_OPTION', 'spec must be a file path or an OpenAPI document object');
    }
    return { doc: structuredClone(spec) as Record<string, unknown>, file: undefined, locate: () => undefined, bundled: false };
  }
  const file = path.resolve(spec);
  const name = shown ?? spec;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ScaffoldError('SCAFFOLD_SPEC_NOT_FOUND', `cannot read spec ${name}: ${readFailure(err)}`, { cause: err });
  }
  const { doc, locate } = parseText(name, text);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InvalidSpecError('SCAFFOLD_SPEC_PARSE', [{ pointer: '#', message: 'the document is not an object', location: { file: name, line: 1, column: 1 } }]);
  }
  detectVersion(doc as Record<string, unknown>, locate);
  if (hasExternalRef(doc)) return { doc: await bundle(file), file: name, locate, bundled: true };
  return { doc: doc as Record<string, unknown>, file: name, locate, bundled: false };
}

/** Why a spec file could not be read, in words. */
function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a spec file';
  return code ?? String(err);
}
