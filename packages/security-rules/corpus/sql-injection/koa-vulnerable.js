const Koa = require('koa');
const Router = require('@koa/router');
const mysql = require('mysql2/promise');

const app = new Koa();
const router = new Router();
const pool = mysql.createPool({ host: '127.0.0.1' });

router.get('/items/:id', async (ctx) => {
  const [rows] = await pool.query('SELECT * FROM items WHERE id = ' + ctx.params.id); // expect: sql-injection
  ctx.body = rows;
});

app.use(router.routes());
