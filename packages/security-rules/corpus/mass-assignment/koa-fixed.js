const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
class Account { constructor(fields) { Object.assign(this, fields); } save() { return this; } }
router.post('/accounts', async (ctx) => {
  const { name, email } = ctx.request.body;
  ctx.body = new Account({ name, email }).save();
});
app.use(router.routes());
