const Koa = require('koa');
const Router = require('@koa/router');
const jwt = require('koa-jwt');

const app = new Koa();
const router = new Router();
router.use(jwt({ secret: process.env.JWT_SECRET }));

router.post('/comments', (ctx) => { ctx.status = 201; });
router.delete('/comments/:id', (ctx) => { ctx.status = 204; });
app.use(router.routes());
