const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { Note } = require('./models');

const app = new Koa();
const router = new Router();
app.use(bodyParser());

router.post('/notes/delete', async (ctx) => {
  const ids = [].concat(ctx.request.body.ids).map(Number);
  ctx.body = { deleted: await Note.destroy({ where: { id: ids, ownerId: ctx.state.user.id } }) };
});
app.use(router.routes());
