const Koa = require('koa');
const Router = require('@koa/router');
const { randomBytes } = require('crypto');
const db = require('./db');

function makeToken() {
  return randomBytes(32).toString('hex');
}

const app = new Koa();
const router = new Router();

router.post('/invite', async (ctx) => {
  const invitation = {
    inviteToken: makeToken(),
    login: ctx.request.body.login,
    createdAt: new Date().toISOString(),
  };
  await db.invitations.insert(invitation);
  ctx.body = { ok: true };
});
app.use(router.routes());
