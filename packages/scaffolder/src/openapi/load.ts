import { loadSpec as loadOpenApi, OpenApiError, type LoadedSpec } from '@sb/openapi';
import { ScaffoldError } from '../errors.js';
import { InvalidSpecError } from './spec-problem.js';

/**
 * `@sb/openapi`'s `loadSpec`, whose errors reach the scaffolder's users under its own stable codes
 * (`SCAFFOLD_SPEC_NOT_FOUND`, `SCAFFOLD_SPEC_PARSE`, `SCAFFOLD_INVALID_SPEC`, `SCAFFOLD_SWAGGER2`,
 * `SCAFFOLD_INVALID_OPTION`). `shown` is how messages name the file (default: the path as given).
 */
export async function loadSpec(spec: string | object, shown?: string): Promise<LoadedSpec> {
  try {
    return await loadOpenApi(spec, shown === undefined ? {} : { name: shown });
  } catch (err) {
    throw OpenApiError.is(err) ? asScaffoldError(err) : err;
  }
}

function asScaffoldError(err: OpenApiError): ScaffoldError {
  switch (err.code) {
    case 'OPENAPI_SPEC_PARSE':
      return new InvalidSpecError('SCAFFOLD_SPEC_PARSE', err.problems, err);
    case 'OPENAPI_INVALID_SPEC':
      return new InvalidSpecError('SCAFFOLD_INVALID_SPEC', err.problems, err);
    case 'OPENAPI_SWAGGER2':
      return new ScaffoldError('SCAFFOLD_SWAGGER2', err.message, { cause: err });
    case 'OPENAPI_SPEC_NOT_FOUND':
      return new ScaffoldError('SCAFFOLD_SPEC_NOT_FOUND', err.message, { cause: err });
    case 'OPENAPI_INVALID_INPUT':
      return new ScaffoldError('SCAFFOLD_INVALID_OPTION', err.message, { cause: err });
  }
}
