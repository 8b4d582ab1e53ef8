import express from 'express';
import axios from 'axios';

const app = express();

app.get('/preview', async (req, res) => {
  const { data } = await axios.get(String(req.query.url)); // expect: ssrf
  res.send(data);
});

app.post('/webhook-test', async (req, res) => {
  const r = await fetch(req.body.callbackUrl, { method: 'POST' }); // expect: ssrf
  res.sendStatus(r.status);
});
