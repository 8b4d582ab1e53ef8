const Koa = require('koa');
const session = require('koa-session');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
app.use(session({ key: 'sid' }, app));
app.use(async (ctx, next) => {
  if (ctx.method !== 'GET' && ctx.get('origin') !== 'https://bank.example') ctx.throw(403);
  await next();
});
router.post('/transfer', async (ctx) => { ctx.body = { ok: true }; });
app.use(router.routes());
