const Koa = require('koa');
const mount = require('koa-mount');
const serveIndex = require('koa-serve-index');

const app = new Koa();
app.use(mount('/backup', serveIndex('backups'))); // expect: directory-listing
