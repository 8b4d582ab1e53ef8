import { describe, expect, it } from 'vitest';
import { LoadtestError } from '../../src/index.js';
import { resolveOptions } from '../../src/options/validate.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return LoadtestError.is(err) ? `${err.code}: ${err.message}` : String(err);
  }
  return undefined;
}

describe('resolveOptions', () => {
  it('fills defaults: closed model, GET, 10 connections for 10 s', () => {
    const o = resolveOptions({ url: 'http://127.0.0.1:3000/users' });
    expect(o).toMatchObject({ model: 'closed', method: 'GET', concurrency: 10, duration: 10, timeout: 10_000, pipelining: 1 });
  });

  it('switches to the open model with a rate and sizes the connection cap from it', () => {
    expect(resolveOptions({ url: 'http://127.0.0.1/', rate: 500 })).toMatchObject({ model: 'open', rate: 500, concurrency: 1000 });
    expect(resolveOptions({ url: 'http://127.0.0.1/', rate: 5 }).concurrency).toBe(16);
  });

  it.each([
    [{ url: 'not a url' }, 'invalid URL'],
    [{ url: 'ftp://127.0.0.1/' }, 'only http'],
    [{ url: 'http://127.0.0.1/', method: 'GE T' }, 'invalid method'],
    [{ url: 'http://127.0.0.1/', duration: 0 }, 'duration must be a positive'],
    [{ url: 'http://127.0.0.1/', duration: -3 }, 'duration must be a positive'],
    [{ url: 'http://127.0.0.1/', rate: 0 }, 'rate must be a positive'],
    [{ url: 'http://127.0.0.1/', concurrency: -1 }, 'concurrency must be a positive'],
    [{ url: 'http://127.0.0.1/', concurrency: 1.5 }, 'concurrency must be a positive integer'],
    [{ url: 'http://127.0.0.1/', headers: { 'bad name': 'x' } }, 'invalid header name'],
    [{ url: 'http://127.0.0.1/', headers: { a: 'x\r\ny' } }, 'invalid value for header'],
    [{ url: 'http://127.0.0.1/', expectStatus: [99] }, 'invalid expected status'],
  ])('rejects %j', (options, message) => {
    expect(codeOf(() => resolveOptions(options))).toMatch(new RegExp(`^LOADTEST_INVALID_OPTION: .*${message}`));
  });
});
