import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { probeApi, SecurityRulesError } from '../../src/index.js';
import { isLoopbackHost } from '../../src/probe/target/loopback.js';
import { resolveProbeOptions } from '../../src/probe/target/resolve-options.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return SecurityRulesError.is(err) ? err.code : 'not-branded';
  }
  return undefined;
}

describe('target', () => {
  it.each(['127.0.0.1', '127.8.9.10', 'localhost', 'api.localhost', '[::1]', '::1', '::ffff:127.0.0.1', 'LOCALHOST.'])('treats %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['10.0.0.5', '192.168.1.1', '0.0.0.0', '128.0.0.1', 'example.com', 'localhost.example.com', '::2', '[fe80::1]', '127.0.0.1.nip.io'])('does not treat %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it('refuses a non-loopback target unless allowRemote, before sending anything', () => {
    expect(codeOf(() => resolveProbeOptions({ url: 'http://192.168.1.20:3000' }))).toBe('SECRULES_PROBE_REMOTE_TARGET');
    expect(codeOf(() => resolveProbeOptions({ url: 'http://api.example.com' }))).toBe('SECRULES_PROBE_REMOTE_TARGET');
    expect(resolveProbeOptions({ url: 'http://api.example.com', allowRemote: true }).base.host).toBe('api.example.com');
  });

  it.each([
    ['not a url', { url: 'localhost:3000' }],
    ['ftp scheme', { url: 'ftp://127.0.0.1/' }],
    ['credentials in the URL', { url: 'http://u:p@127.0.0.1/' }],
    ['burst over the bound', { url: 'http://127.0.0.1', burst: 5000 }],
    ['fractional timeout', { url: 'http://127.0.0.1', timeoutMs: 1.5 }],
    ['login not a path', { url: 'http://127.0.0.1', login: 'http://evil.example/login' }],
    ['protocol-relative login', { url: 'http://127.0.0.1', login: '//evil.example/login' }],
    ['header with a line break', { url: 'http://127.0.0.1', headers: { authorization: 'Bearer x\r\nX-Evil: 1' } }],
    ['unknown severity', { url: 'http://127.0.0.1', failOn: 'critical' as 'high' }],
  ])('rejects %s as SECRULES_INVALID_OPTION', (_name, options) => {
    expect(codeOf(() => resolveProbeOptions(options))).toBe('SECRULES_INVALID_OPTION');
  });

  it('stops with one clear error when aborted', async () => {
    const err = await probeApi({ url: 'http://127.0.0.1:9' }, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SECRULES_ABORTED', message: 'probe of http://127.0.0.1:9 was aborted' });
  });

  it('reports a refused connection as SECRULES_PROBE_UNREACHABLE naming the URL', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const err = await probeApi({ url: `http://127.0.0.1:${port}` }).catch((e: unknown) => e);
    expect(SecurityRulesError.is(err)).toBe(true);
    expect(err).toMatchObject({ code: 'SECRULES_PROBE_UNREACHABLE' });
    expect((err as Error).message).toBe(`cannot reach http://127.0.0.1:${port}/: connection refused (is the server running?)`);
  });
});
