const fastify = require('fastify')();
const needle = require('needle');

fastify.get('/research', (request, reply) => {
  const url = request.query.url + request.query.symbol;
  needle.get(url, (err, resp) => reply.send(resp.body)); // expect: ssrf
});
