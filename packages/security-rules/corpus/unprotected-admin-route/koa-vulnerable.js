const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
router.get('/logs', async (ctx) => { ctx.body = 'tail of app.log'; }); // expect: unprotected-admin-route
app.use(router.routes());
