import { ScaffoldError } from '../errors.js';
import type { Locator } from './locate.js';
import { InvalidSpecError } from './spec-problem.js';

/** `3.0` or `3.1`: the two OpenAPI lines the scaffolder reads. */
export type SpecVersion = '3.0' | '3.1';

/**
 * Reads `openapi:`; Swagger 2.0 gets an error naming the conversion, anything else an invalid-spec error.
 */
export function detectVersion(doc: Record<string, unknown>, locate: Locator): SpecVersion {
  if (doc['swagger'] !== undefined) {
    throw new ScaffoldError(
      'SCAFFOLD_SWAGGER2',
      `this is a Swagger ${String(doc['swagger'])} document; sb scaffold reads OpenAPI 3.0/3.1. ` +
        'Convert it first, e.g. `npx swagger2openapi swagger.yaml -o openapi.yaml` (or the Swagger Editor\'s "Convert to OpenAPI 3").',
    );
  }
  const v = doc['openapi'];
  if (typeof v === 'string' && /^3\.0(\.\d+)?(-.+)?$/.test(v)) return '3.0';
  if (typeof v === 'string' && /^3\.1(\.\d+)?(-.+)?$/.test(v)) return '3.1';
  const pointer = v === undefined ? '#' : '#/openapi';
  const loc = locate(pointer);
  throw new InvalidSpecError('SCAFFOLD_INVALID_SPEC', [
    {
      pointer,
      message: v === undefined ? 'missing `openapi` version field (expected 3.0.x or 3.1.x)' : `unsupported openapi version ${JSON.stringify(v)} (expected 3.0.x or 3.1.x)`,
      ...(loc ? { location: loc } : {}),
    },
  ]);
}
