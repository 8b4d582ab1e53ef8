import { describe, expect, it } from 'vitest';
import { SbError, isSbError } from '../src/index.js';

type DemoCode = 'DEMO_BAD' | 'DEMO_WORSE';
class DemoError extends SbError<DemoCode> {
  override readonly name = 'DemoError';
}
class OtherError extends SbError<'OTHER_X'> {
  override readonly name = 'OtherError';
}

describe('SbError', () => {
  it('carries a code, a literal name, a message and a cause', () => {
    const cause = new Error('root');
    const err = new DemoError('DEMO_BAD', 'it broke', { cause });
    expect(err.code).toBe('DEMO_BAD');
    expect(err.name).toBe('DemoError');
    expect(err.message).toBe('it broke');
    expect(err.cause).toBe(cause);
    expect(err).toBeInstanceOf(Error);
    expect(String(err.stack)).toContain('DemoError: it broke');
  });

  it('recognises its own class by brand and name, not by instanceof', () => {
    const err = new DemoError('DEMO_WORSE', 'x');
    // A copy from another installation of the package: same brand and name, another prototype.
    const copy = Object.assign(new Error('x'), { name: 'DemoError', code: 'DEMO_WORSE', [Symbol.for('sb.error')]: true });
    expect(DemoError.is(err)).toBe(true);
    expect(DemoError.is(copy)).toBe(true);
    expect(OtherError.is(err)).toBe(false);
    expect(DemoError.is(new Error('plain'))).toBe(false);
    expect(DemoError.is(null)).toBe(false);
  });

  it('tells any sb error from other errors', () => {
    expect(SbError.is(new OtherError('OTHER_X', 'y'))).toBe(true);
    expect(isSbError(new DemoError('DEMO_BAD', 'x'))).toBe(true);
    expect(isSbError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
    expect(isSbError('DEMO_BAD')).toBe(false);
  });
});
