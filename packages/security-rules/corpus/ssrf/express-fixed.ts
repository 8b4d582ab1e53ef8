import express from 'express';
import axios from 'axios';

const app = express();
const ALLOWED = new Set(['images.example.com']);

app.get('/preview', async (req, res) => {
  const { data } = await axios.get(`https://api.example.com/v1/quotes/${encodeURIComponent(String(req.query.symbol))}`);
  res.send(data);
});

app.post('/image', async (req, res) => {
  const url = new URL(String(req.body.url));
  if (!ALLOWED.has(url.hostname)) return res.sendStatus(400);
  res.sendStatus((await fetch('https://images.example.com/' + url.pathname.slice(1))).status);
});
