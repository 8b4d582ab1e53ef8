const Koa = require('koa');
const escapeStringRegexp = require('escape-string-regexp');
const app = new Koa();

app.use((ctx) => {
  ctx.body = 'some text'.match(new RegExp('\\b' + escapeStringRegexp(ctx.query.word) + '\\b'));
});
