const Koa = require('koa');
const Router = require('@koa/router');
const { createHash } = require('crypto');
const db = require('./db');

function makeToken(login) {
  return createHash('sha256').update(login + ':' + Date.now()).digest('hex');
}

const app = new Koa();
const router = new Router();

router.post('/invite', async (ctx) => {
  const invitation = {
    inviteToken: makeToken(ctx.request.body.login), // expect: predictable-token
    login: ctx.request.body.login,
  };
  await db.invitations.insert(invitation);
  ctx.body = { ok: true };
});
app.use(router.routes());
