import { SbError } from '@sb/errors';
import { describe, expect, it } from 'vitest';
import { OpenApiError } from '../src/index.js';

describe('OpenApiError', () => {
  it('carries a stable code, a literal name, the shared brand and its problems', () => {
    const cause = new Error('root');
    const problem = { pointer: '#/openapi', message: 'unsupported', location: { file: 'a.yaml', line: 1, column: 1 } };
    const error = OpenApiError.ofProblems('OPENAPI_INVALID_SPEC', [problem], cause);
    expect(error).toMatchObject({ code: 'OPENAPI_INVALID_SPEC', name: 'OpenApiError', cause, problems: [problem] });
    expect(error.message).toBe('the spec has 1 problem\n  a.yaml:1:1 #/openapi: unsupported');
    expect(OpenApiError.is(error)).toBe(true);
    expect(SbError.is(error)).toBe(true);
    expect(OpenApiError.is(new Error('plain'))).toBe(false);
    expect(new OpenApiError('OPENAPI_SPEC_NOT_FOUND', 'cannot read spec a.yaml: no such file').problems).toEqual([]);
  });
});
