const Koa = require('koa');
const { randomUUID } = require('node:crypto');

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id when it is well-formed (no CR/LF can pass the anchored pattern), else a new one. */
function requestIdOf(header) {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID.test(value) ? value : randomUUID();
}

const app = new Koa();
app.use(async (ctx) => {
  console.error('bad referer', encodeURIComponent(ctx.get('referer')));
  console.error('request', requestIdOf(ctx.headers['x-request-id']));
  ctx.body = 'ok';
});
