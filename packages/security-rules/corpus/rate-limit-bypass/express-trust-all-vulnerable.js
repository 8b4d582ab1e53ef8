const express = require('express');
const rateLimit = require('express-rate-limit');

const app = express();
app.set('trust proxy', true); // expect: rate-limit-bypass
app.use('/auth', rateLimit({ windowMs: 60000, max: 10 }));
app.post('/auth/login', (req, res) => res.json({ ok: true }));
