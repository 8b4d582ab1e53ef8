// A smoke test of the service: created once by sb scaffold, yours to extend. Run with npm test.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/** Starts the built server on a free port and resolves with its /graphql URL. */
function start(): Promise<{ url: string; stop: () => void }> {
  const server = spawn(process.execPath, [fileURLToPath(new URL('./server.js', import.meta.url))], { env: { ...process.env, PORT: '0', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const url = /GraphQL on (\S+)/.exec(chunk.toString())?.[1];
      if (url !== undefined) resolve({ url, stop: () => server.kill() });
    });
    server.on('exit', (code) => reject(new Error(`the server exited with ${String(code)}`)));
  });
}

test('answers { __typename } on /graphql', async () => {
  const { url, stop } = await start();
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { data: { __typename: 'Query' } });
  } finally {
    stop();
  }
});
