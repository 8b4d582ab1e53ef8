const Koa = require('koa');
const Router = require('@koa/router');
const ratelimit = require('koa-ratelimit');

const app = new Koa();
const router = new Router({ prefix: '/auth' });
app.use(ratelimit({ driver: 'memory', db: new Map(), duration: 60000, max: 10 }));

router.post('/signin', async (ctx) => {
  ctx.body = { ok: true };
});
app.use(router.routes());
