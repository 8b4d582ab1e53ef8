const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

function compute(expr) {
  return eval(expr); // expect: code-injection
}

router.post('/compute', (ctx) => {
  ctx.body = { value: compute(ctx.request.body.expr) };
});
app.use(router.routes());
