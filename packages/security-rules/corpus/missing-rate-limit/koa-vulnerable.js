const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router({ prefix: '/auth' });

router.post('/signin', async (ctx) => { // expect: missing-rate-limit
  ctx.body = { ok: true };
});
app.use(router.routes());
