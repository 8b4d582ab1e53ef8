import Fastify from 'fastify';
import knex from 'knex';
import { Sequelize } from 'sequelize';

const db = knex({ client: 'pg' });
const sequelize = new Sequelize('postgres://localhost/app');
const app = Fastify();

app.get('/search', async (request: any) => {
  return db('products').whereRaw('name LIKE ?', [`%${request.query.q}%`]);
});

app.post('/report', { schema: { body: { type: 'object', properties: { email: { type: 'string', format: 'email' } } } } }, async (request: any) => {
  return sequelize.query('SELECT * FROM orders WHERE email = :email', { replacements: { email: request.body.email } });
});
