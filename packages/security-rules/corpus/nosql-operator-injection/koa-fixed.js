const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const mongoose = require('mongoose');

const Account = mongoose.model('Account', new mongoose.Schema({ email: String, resetToken: String }));
const app = new Koa();
const router = new Router();
app.use(bodyParser());

router.get('/reset', async (ctx) => {
  const account = await Account.findOne({ resetToken: ctx.query.token });
  ctx.body = { ok: account !== null };
});
router.post('/reset', async (ctx) => {
  const account = await Account.findOneAndUpdate({ resetToken: `${ctx.request.body.token}` }, { resetToken: null });
  ctx.body = { ok: account !== null };
});
app.use(router.routes());
