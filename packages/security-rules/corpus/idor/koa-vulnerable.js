const Koa = require('koa');
const Router = require('@koa/router');
const jwt = require('koa-jwt');

const app = new Koa();
const router = new Router();
const Profile = { findById: async (id) => ({ id }) };
router.get('/profiles/:userId', jwt({ secret: process.env.JWT_SECRET }), async (ctx) => {
  ctx.body = await Profile.findById(ctx.params.userId); // expect: idor
});
app.use(router.routes());
