const Koa = require('koa');
const app = new Koa();
app.use((ctx) => {
  ctx.cookies.set('sid', 'abc', { httpOnly: false }); // expect: insecure-cookie
});
