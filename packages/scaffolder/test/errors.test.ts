import { describe, expect, it } from 'vitest';
import { ScaffoldError } from '../src/index.js';

describe('ScaffoldError', () => {
  it('carries a stable code, a literal name and the shared brand', () => {
    const cause = new Error('root');
    const error = new ScaffoldError('SCAFFOLD_INVALID_OPTION', 'bad option', { cause });
    expect(error.code).toBe('SCAFFOLD_INVALID_OPTION');
    expect(error.name).toBe('ScaffoldError');
    expect(error.cause).toBe(cause);
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for('sb.error')]).toBe(true);
    expect(ScaffoldError.is(error)).toBe(true);
    expect(ScaffoldError.is(new Error('plain'))).toBe(false);
  });
});
