import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
app.register(cors, { origin: (_origin: string, cb: (e: Error | null, ok: boolean) => void) => cb(null, true), credentials: true }); // expect: insecure-cors
app.get('/', async () => ({}));
