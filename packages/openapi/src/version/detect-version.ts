import { OpenApiError } from '../errors.js';
import type { Locator } from '../parse/locate.js';
import type { SpecProblem } from '../problems.js';
import { formatProblem } from '../problems.js';

/** `3.0` or `3.1`: the two OpenAPI lines sb reads. */
export type SpecVersion = '3.0' | '3.1';

/**
 * Reads `openapi:`. Swagger 2.0 throws `OPENAPI_SWAGGER2`, naming the conversion; anything else that is not
 * 3.0.x/3.1.x throws `OPENAPI_INVALID_SPEC`. `locate` gives the problem its file:line.
 *
 * @example
 * ```ts
 * detectVersion({ openapi: '3.1.0' }, () => undefined); // '3.1'
 * ```
 */
export function detectVersion(doc: Record<string, unknown>, locate: Locator): SpecVersion {
  if (doc['swagger'] !== undefined) {
    const location = locate('#/swagger');
    const problem: SpecProblem = {
      pointer: '#/swagger',
      message:
        `this is a Swagger ${String(doc['swagger'])} document; sb reads OpenAPI 3.0/3.1. ` +
        'Convert it first, e.g. `npx swagger2openapi swagger.yaml -o openapi.yaml` (or the Swagger Editor\'s "Convert to OpenAPI 3").',
      ...(location ? { location } : {}),
    };
    throw new OpenApiError('OPENAPI_SWAGGER2', formatProblem(problem), { problems: [problem] });
  }
  const v = doc['openapi'];
  if (typeof v === 'string' && /^3\.0(\.\d+)?(-.+)?$/.test(v)) return '3.0';
  if (typeof v === 'string' && /^3\.1(\.\d+)?(-.+)?$/.test(v)) return '3.1';
  const pointer = v === undefined ? '#' : '#/openapi';
  const location = locate(pointer);
  throw OpenApiError.ofProblems('OPENAPI_INVALID_SPEC', [
    {
      pointer,
      message: v === undefined ? 'missing `openapi` version field (expected 3.0.x or 3.1.x)' : `unsupported openapi version ${JSON.stringify(v)} (expected 3.0.x or 3.1.x)`,
      ...(location ? { location } : {}),
    },
  ]);
}
