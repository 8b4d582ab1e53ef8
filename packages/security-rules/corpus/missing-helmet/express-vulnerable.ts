import express from 'express';

const app = express(); // expect: missing-helmet
app.disable('x-powered-by');
app.get('/', (_req, res) => res.send('<h1>hi</h1>'));
