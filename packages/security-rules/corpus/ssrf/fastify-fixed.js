const fastify = require('fastify')();
const needle = require('needle');

fastify.get('/research', (request, reply) => {
  needle.get('https://quotes.example.com/symbol/' + encodeURIComponent(request.query.symbol), (err, resp) => reply.send(resp.body));
});
