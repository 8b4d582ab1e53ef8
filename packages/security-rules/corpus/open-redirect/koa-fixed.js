const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

router.get('/bye', (ctx) => {
  ctx.redirect('/goodbye?from=' + encodeURIComponent(ctx.query.returnTo));
});
app.use(router.routes());
