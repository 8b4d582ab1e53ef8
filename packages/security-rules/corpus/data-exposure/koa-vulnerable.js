const Koa = require('koa');
const mongoose = require('mongoose');

mongoose.set('debug', true); // expect: data-exposure
const app = new Koa();
app.use(async (ctx) => { ctx.body = 'ok'; });
