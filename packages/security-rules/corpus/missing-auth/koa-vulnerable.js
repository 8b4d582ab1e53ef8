const Koa = require('koa');
const Router = require('@koa/router');
const jwt = require('koa-jwt');

const app = new Koa();
const router = new Router();

router.post('/comments', jwt({ secret: process.env.JWT_SECRET }), (ctx) => { ctx.status = 201; });
router.delete('/comments/:id', (ctx) => { ctx.status = 204; }); // expect: missing-auth
app.use(router.routes());
