const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

router.get('/profile', async (ctx) => {
  await ctx.render('profile-safe', { bio: ctx.query.bio });
});

router.get('/echo', async (ctx) => {
  ctx.body = { text: ctx.query.text };
});

app.use(router.routes());
