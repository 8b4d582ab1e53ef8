const Koa = require('koa');
const Router = require('@koa/router');
const jwt = require('koa-jwt');

const app = new Koa();
const router = new Router();
router.get('/logs', jwt({ secret: process.env.JWT_SECRET }), async (ctx) => { ctx.body = 'tail of app.log'; });
app.use(router.routes());
