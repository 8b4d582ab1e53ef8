const Koa = require('koa');
const Router = require('@koa/router');
const Ajv = require('ajv');

const app = new Koa();
const router = new Router();
const validate = new Ajv().compile({ type: 'object', properties: { theme: { enum: ['dark', 'light'] } }, additionalProperties: false });

router.put('/settings', async (ctx) => {
  if (!validate(ctx.request.body)) ctx.throw(400, 'invalid settings');
  await saveSettings(ctx.request.body);
  ctx.status = 204;
});
app.use(router.routes());

async function saveSettings(s) { return s; }
