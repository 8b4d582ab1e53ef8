const Koa = require('koa');
const app = new Koa();
app.use((ctx) => {
  ctx.cookies.set('sid', 'abc', { secure: true, sameSite: 'strict' });
});
