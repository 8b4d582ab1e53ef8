import express from 'express';
import cors from 'cors';

const app = express();
const allowed = ['https://app.example.com'];
app.use(cors({ origin: (origin, cb) => cb(null, !origin || allowed.includes(origin)), credentials: true }));
app.use('/public', cors());
app.get('/api/me', (_req, res) => res.json({}));
