import { describe, expect, it } from 'vitest';
import { MigratorError } from '../src/index.js';

describe('MigratorError', () => {
  it('carries a stable code, a literal name and the shared brand', () => {
    const cause = new Error('root');
    const error = new MigratorError('MIGRATOR_INVALID_OPTION', 'bad option', { cause });
    expect(error.code).toBe('MIGRATOR_INVALID_OPTION');
    expect(error.name).toBe('MigratorError');
    expect(error.cause).toBe(cause);
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for('sb.error')]).toBe(true);
    expect(MigratorError.is(error)).toBe(true);
    expect(MigratorError.is(new Error('plain'))).toBe(false);
  });
});
