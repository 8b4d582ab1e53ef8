const Koa = require('koa');
const app = new Koa();

app.use((ctx) => {
  const parts = String(ctx.query.path).split(/(\/+[a-z]*)+x/); // expect: redos
  ctx.body = parts;
});
