const Koa = require('koa');
const { execFile } = require('child_process');

const app = new Koa();
const exec = (s) => s.toUpperCase();

app.use(async (ctx) => {
  execFile('cat', ['--', String(ctx.query.file)], (err, out) => { ctx.body = out; });
  ctx.body = exec(ctx.query.x);
});
