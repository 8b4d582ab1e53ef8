const Koa = require('koa');
const fs = require('fs');
const path = require('path');

const app = new Koa();

app.use(async (ctx) => {
  ctx.body = fs.createReadStream(path.join('./public', path.basename(ctx.path)));
});
