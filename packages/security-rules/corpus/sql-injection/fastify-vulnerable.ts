import Fastify from 'fastify';
import knex from 'knex';
import { Sequelize } from 'sequelize';

const db = knex({ client: 'pg' });
const sequelize = new Sequelize('postgres://localhost/app');
const app = Fastify();

app.get('/search', async (request: any) => {
  const term = request.query.q;
  return db('products').whereRaw(`name LIKE '%${term}%'`); // expect: sql-injection
});

app.post('/report', async (request: any) => {
  const { email } = request.body;
  return sequelize.query(`SELECT * FROM orders WHERE email = '${email}'`); // expect: sql-injection
});
