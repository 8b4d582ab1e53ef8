import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeApi } from '../../src/index.js';

/** A self-signed certificate for 127.0.0.1, made with the openssl CLI. */
function selfSigned(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'sb-probe-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('https target', () => {
  it('probes a loopback HTTPS server with a self-signed certificate and grades HSTS', async () => {
    const server = createServer(selfSigned(), (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'strict-transport-security': 'max-age=300', 'x-content-type-options': 'nosniff' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const report = await probeApi({ url: `https://127.0.0.1:${port}`, only: ['headers'] });
      expect(report.findings.find((f) => f.id === 'headers.hsts')).toMatchObject({ status: 'fail', severity: 'medium' });
      expect(report.observatory?.tests['strict-transport-security']?.result).toBe('hsts-implemented-max-age-less-than-six-months');
      expect(report.observatory?.tests['redirection']?.result).toBe('redirection-not-needed-no-http');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
