// A smoke test of the generated app: created once by sb scaffold, yours to extend. Run with npm test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from './app.gen.js';
import { authenticate } from './auth.js';

async function start(): Promise<{ url: string; close: () => Promise<unknown> }> {
  const app = createApp({ authenticate });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

test('answers an unknown route with 404 in the error envelope, with the request id', async () => {
  const app = await start();
  try {
    const res = await fetch(app.url + '/no-such-route-' + Date.now());
    const body = (await res.json()) as { error: { code: string }; meta: { requestId: string } };
    assert.equal(res.status, 404);
    assert.equal(body.error.code, 'NOT_FOUND');
    assert.equal(body.meta.requestId, res.headers.get('x-request-id'));
  } finally {
    await app.close();
  }
});
