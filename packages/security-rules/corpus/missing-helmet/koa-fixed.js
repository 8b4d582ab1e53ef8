const Koa = require('koa');
const Router = require('@koa/router');
const helmet = require('koa-helmet');

const app = new Koa();
const router = new Router();
app.use(helmet());
router.get('/', (ctx) => { ctx.body = 'hi'; });
app.use(router.routes());
