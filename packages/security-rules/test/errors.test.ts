import { describe, expect, it } from 'vitest';
import { SecurityRulesError } from '../src/index.js';

describe('SecurityRulesError', () => {
  it('carries a stable code, a literal name and the shared brand', () => {
    const cause = new Error('root');
    const error = new SecurityRulesError('SECRULES_INVALID_OPTION', 'bad option', { cause });
    expect(error.code).toBe('SECRULES_INVALID_OPTION');
    expect(error.name).toBe('SecurityRulesError');
    expect(error.cause).toBe(cause);
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for('sb.error')]).toBe(true);
    expect(SecurityRulesError.is(error)).toBe(true);
    expect(SecurityRulesError.is(new Error('plain'))).toBe(false);
  });
});
