const Koa = require('koa');
const ratelimit = require('koa-ratelimit');

const app = new Koa();
app.use(ratelimit({
  driver: 'memory',
  db: new Map(),
  duration: 60000,
  max: 20,
  id: (ctx) => ctx.get('X-Forwarded-For') || ctx.ip, // expect: rate-limit-bypass
}));
