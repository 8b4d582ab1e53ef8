const Koa = require('koa');
const cors = require('@koa/cors');

const app = new Koa();
app.use(cors({ origin: (ctx) => ctx.get('Origin'), credentials: true })); // expect: insecure-cors
