const Koa = require('koa');
const { exec } = require('child_process');

const app = new Koa();

app.use(async (ctx) => {
  const file = ctx.query.file;
  exec('cat ' + file, (err, out) => { ctx.body = out; }); // expect: command-injection
});
