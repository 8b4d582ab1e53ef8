const Koa = require('koa');
const fs = require('fs');

const app = new Koa();

app.use(async (ctx) => {
  ctx.body = fs.createReadStream('./public/' + ctx.path); // expect: path-traversal
});
