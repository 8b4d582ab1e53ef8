const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

router.put('/settings', async (ctx) => {
  await saveSettings(ctx.request.body); // expect: unvalidated-input
  ctx.status = 204;
});
app.use(router.routes());

async function saveSettings(s) { return s; }
