const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { Note } = require('./models');

const app = new Koa();
const router = new Router();
app.use(bodyParser());

router.post('/notes/delete', async (ctx) => {
  const { filter } = ctx.request.body;
  ctx.body = { deleted: await Note.destroy({ where: filter }) }; // expect: sequelize-operator-injection
});
app.use(router.routes());
