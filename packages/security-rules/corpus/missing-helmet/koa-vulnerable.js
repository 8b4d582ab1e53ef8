const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa(); // expect: missing-helmet
const router = new Router();
router.get('/', (ctx) => { ctx.body = 'hi'; });
app.use(router.routes());
