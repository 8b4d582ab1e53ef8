const Koa = require('koa');
const app = new Koa();

app.use(async (ctx) => {
  ctx.body = await ctx.db.collection('users').findOne({ name: String(ctx.query.name), $where: 'this.active == true' });
});
