import Fastify from 'fastify';
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL ?? '');
const sessions = client.db().collection('sessions');
const app = Fastify();

app.post('/session/check', {
  schema: { body: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } } },
}, async (request: any) => {
  const { token } = request.body;
  const session = await sessions.findOne({ token });
  return { valid: session !== null };
});
