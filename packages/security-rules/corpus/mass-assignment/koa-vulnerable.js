const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
class Account { constructor(fields) { Object.assign(this, fields); } save() { return this; } }
router.post('/accounts', async (ctx) => {
  ctx.body = new Account(ctx.request.body).save(); // expect: mass-assignment
});
app.use(router.routes());
