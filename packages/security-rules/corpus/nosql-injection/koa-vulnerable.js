const Koa = require('koa');
const app = new Koa();

function criteria(name) {
  return { $where: 'this.name == "' + name + '"' }; // expect: nosql-injection
}

app.use(async (ctx) => {
  ctx.body = await ctx.db.collection('users').findOne(criteria(ctx.query.name));
});
