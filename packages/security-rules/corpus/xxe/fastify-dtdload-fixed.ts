import Fastify from 'fastify';
import libxmljs from 'libxmljs2';

const app = Fastify();
app.addContentTypeParser('application/xml', { parseAs: 'string' }, (_req, body, done) => done(null, body));

app.post('/feeds', async (request: any) => {
  const doc = libxmljs.parseXml(request.body, { noent: false, dtdload: false, nonet: true });
  return { items: doc.find('//item').length };
});
