const Koa = require('koa');
const app = new Koa();

app.use((ctx) => {
  const word = ctx.query.word;
  ctx.body = 'some text'.match(new RegExp('\\b' + word + '\\b')); // expect: regex-injection
});
