const Koa = require('koa');

const app = new Koa();
app.use(async (ctx) => {
  console.error('bad referer', encodeURIComponent(ctx.get('referer')));
  ctx.body = 'ok';
});
