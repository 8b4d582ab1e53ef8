import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OpenApiError } from '../errors.js';
import { isObject, type Json } from '../json.js';
import type { Locator } from '../parse/locate.js';
import { parseSpecText } from '../parse/parse-text.js';
import { bundleRefs, hasExternalRef } from '../refs/bundle.js';
import { detectVersion, type SpecVersion } from '../version/detect-version.js';

/** A spec read into memory, not yet validated beyond its version. */
export interface LoadedSpec {
  /** The (bundled) document. Never the caller's object: a private deep copy. */
  readonly doc: Json;
  /** `3.0` or `3.1`, from the `openapi` field. */
  readonly version: SpecVersion;
  /** The root file as messages name it, when the spec came from a file. */
  readonly file: string | undefined;
  /** JSON pointer → file:line:column, for the root file's pointers (always undefined for an in-memory document). */
  readonly locate: Locator;
  /** True when external `$ref`s were bundled in. */
  readonly bundled: boolean;
}

/** Options of {@link loadSpec}. */
export interface LoadSpecOptions {
  /** How messages and positions name the file (default: the path as given). */
  readonly name?: string;
}

/**
 * Reads an OpenAPI 3.0/3.1 spec from a file (YAML or JSON; external `$ref`s bundled, relative to it) or deep-copies
 * an in-memory document (only local `#/…` refs), and detects its version.
 *
 * Throws {@link OpenApiError}: `OPENAPI_INVALID_INPUT`, `OPENAPI_SPEC_NOT_FOUND`, `OPENAPI_SPEC_PARSE` (every syntax
 * error with file:line:column), `OPENAPI_SWAGGER2`, `OPENAPI_INVALID_SPEC`.
 *
 * @example
 * ```ts
 * import { loadSpec, formatProblem } from '@sb/openapi';
 * const spec = await loadSpec('api/openapi.yaml');
 * console.log(spec.version, Object.keys(spec.doc['paths'] ?? {}).length, spec.locate('#/info/title'));
 * ```
 */
export async function loadSpec(spec: string | object, options: LoadSpecOptions = {}): Promise<LoadedSpec> {
  if (typeof spec !== 'string') {
    if (!isObject(spec)) throw new OpenApiError('OPENAPI_INVALID_INPUT', 'spec must be a file path or an OpenAPI document object');
    const doc = structuredClone(spec);
    const locate: Locator = () => undefined;
    return { doc, version: detectVersion(doc, locate), file: undefined, locate, bundled: false };
  }
  const file = path.resolve(spec);
  const name = options.name ?? spec;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new OpenApiError('OPENAPI_SPEC_NOT_FOUND', `cannot read spec ${name}: ${readFailure(err)}`, { cause: err });
  }
  const { doc, locate } = parseSpecText(name, text);
  if (!isObject(doc)) {
    throw OpenApiError.ofProblems('OPENAPI_SPEC_PARSE', [{ pointer: '#', message: 'the document is not an object', location: { file: name, line: 1, column: 1 } }]);
  }
  const version = detectVersion(doc, locate);
  if (hasExternalRef(doc)) return { doc: await bundleRefs(file), version, file: name, locate, bundled: true };
  return { doc, version, file: name, locate, bundled: false };
}

/** Why a spec file could not be read, in words. */
function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a spec file';
  return code ?? String(err);
}
