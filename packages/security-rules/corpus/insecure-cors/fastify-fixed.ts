import Fastify from 'fastify';
import cors from '@fastify/cors';

const app = Fastify();
app.register(cors, { origin: ['https://app.example.com'], credentials: true });
app.get('/', async () => ({}));
