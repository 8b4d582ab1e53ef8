const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

router.get('/profile', async (ctx) => {
  await ctx.render('profile', { bio: ctx.query.bio }); // expect: template-xss
});

router.get('/echo', async (ctx) => {
  ctx.body = `<div>${ctx.query.text}</div>`; // expect: template-xss
});

app.use(router.routes());
