const Koa = require('koa');
const app = new Koa();
const store = new Map();

app.use((ctx) => {
  const { section, key, value } = ctx.query;
  store.set(`${section}.${key}`, value);
  ctx.body = Object.fromEntries(store);
});
