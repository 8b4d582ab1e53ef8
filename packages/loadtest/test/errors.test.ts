import { describe, expect, it } from 'vitest';
import { LoadtestError } from '../src/index.js';

describe('LoadtestError', () => {
  it('carries a stable code, a literal name and the shared brand', () => {
    const cause = new Error('root');
    const error = new LoadtestError('LOADTEST_INVALID_OPTION', 'bad option', { cause });
    expect(error.code).toBe('LOADTEST_INVALID_OPTION');
    expect(error.name).toBe('LoadtestError');
    expect(error.cause).toBe(cause);
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for('sb.error')]).toBe(true);
    expect(LoadtestError.is(error)).toBe(true);
    expect(LoadtestError.is(new Error('plain'))).toBe(false);
  });
});
