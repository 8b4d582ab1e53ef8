const express = require('express');
const helmet = require('helmet');

const app = express(); // expect: x-powered-by
app.use(helmet({ xPoweredBy: false }));
app.get('/health', (req, res) => res.json({ ok: true }));
