const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const yaml = require('js-yaml');

const app = new Koa();
const router = new Router();
app.use(bodyParser({ enableTypes: ['text'] }));

router.post('/config', (ctx) => {
  ctx.body = yaml.load(ctx.request.body, { schema: yaml.DEFAULT_FULL_SCHEMA }); // expect: insecure-deserialization
});
app.use(router.routes());
