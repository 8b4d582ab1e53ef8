const Koa = require('koa');

const app = new Koa();
app.use(async (ctx) => {
  console.error(`bad referer ${ctx.get('referer')}`); // expect: log-injection
  ctx.body = 'ok';
});
