const Koa = require('koa');
const app = new Koa();
const store = {};

app.use((ctx) => {
  const { section, key, value } = ctx.query;
  store[section][key] = value; // expect: prototype-pollution
  ctx.body = store;
});
