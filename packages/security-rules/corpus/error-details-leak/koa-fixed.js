const Koa = require('koa');
const app = new Koa();

app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.app.emit('error', err, ctx);
    ctx.status = 500;
    ctx.body = { error: 'internal error' };
  }
});
