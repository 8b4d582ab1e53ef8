import Fastify from 'fastify';
import libxmljs from 'libxmljs2';

const app = Fastify();
app.addContentTypeParser('application/xml', { parseAs: 'string' }, (_req, body, done) => done(null, body));

app.post('/feeds', async (request: any) => {
  const options = { dtdload: true, dtdvalid: true }; // expect: xxe
  const doc = libxmljs.parseXml(request.body, options);
  return { items: doc.find('//item').length };
});
