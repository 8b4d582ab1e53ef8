const Koa = require('koa');
const session = require('koa-session');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
app.use(session({ key: 'sid' }, app)); // expect: csrf
router.post('/transfer', async (ctx) => { ctx.body = { ok: true }; });
app.use(router.routes());
