const Koa = require('koa');
const Router = require('@koa/router');
const { validateLogin } = require('./user-dao');

const INVALID = 'Invalid username or password';

const app = new Koa();
const router = new Router();

router.post('/signin', async (ctx) => {
  const { username, password } = ctx.request.body;
  const result = await validateLogin(username, password);
  if (result.noSuchUser || result.invalidPassword) {
    ctx.status = 401;
    ctx.body = { error: INVALID };
    return;
  }
  ctx.body = { ok: true };
});
app.use(router.routes());
