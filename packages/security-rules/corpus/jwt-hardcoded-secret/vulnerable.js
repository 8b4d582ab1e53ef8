const { sign } = require('jsonwebtoken');
const fastify = require('fastify')();

const SECRET = process.env.TOKEN_KEY ?? 'please-change-this-key-in-production';
fastify.register(require('@fastify/jwt'), { secret: 'another-hardcoded-signing-key-123456' }); // expect: jwt-hardcoded-secret

exports.token = (id) => sign({ id }, SECRET, { expiresIn: '1h' }); // expect: jwt-hardcoded-secret
