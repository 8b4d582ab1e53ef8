const { sign } = require('jsonwebtoken');
const fastify = require('fastify')();

const SECRET = process.env.TOKEN_KEY;
fastify.register(require('@fastify/jwt'), { secret: process.env.TOKEN_KEY });

exports.token = (id) => sign({ id }, SECRET, { expiresIn: '1h' });
