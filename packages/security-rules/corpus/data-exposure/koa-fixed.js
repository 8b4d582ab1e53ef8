const Koa = require('koa');
const mongoose = require('mongoose');

mongoose.set('debug', process.env.NODE_ENV === 'development');
const app = new Koa();
app.use(async (ctx) => { ctx.body = 'ok'; });
