const Koa = require('koa');
const app = new Koa();

app.use((ctx) => {
  ctx.body = String(ctx.query.path).split(/\/+/);
});
