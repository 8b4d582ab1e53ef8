const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

router.get('/bye', (ctx) => {
  ctx.redirect(ctx.query.returnTo); // expect: open-redirect
});
app.use(router.routes());
