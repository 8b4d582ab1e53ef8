const Koa = require('koa');
const Router = require('@koa/router');
const { validateLogin } = require('./user-dao');

const NO_SUCH_USER = 'Invalid username';
const WRONG_PASSWORD = 'Invalid password';

const app = new Koa();
const router = new Router();

router.post('/signin', async (ctx) => {
  const { username, password } = ctx.request.body;
  const result = await validateLogin(username, password);
  if (result.noSuchUser) { // expect: user-enumeration
    ctx.status = 401;
    ctx.body = { error: NO_SUCH_USER };
    return;
  }
  if (result.invalidPassword) {
    ctx.status = 401;
    ctx.body = { error: WRONG_PASSWORD };
    return;
  }
  ctx.body = { ok: true };
});
app.use(router.routes());
