const Koa = require('koa');
const cors = require('@koa/cors');

const app = new Koa();
app.use(cors({ origin: 'https://app.example.com', credentials: true }));
