import express from 'express';
import axios from 'axios';

const app = express();
const ALLOWED_HOST = 'images.example.com';

app.post('/fetch-image', async (req, res) => {
  const url = String(req.body.url);
  if (!url.includes(ALLOWED_HOST)) return res.sendStatus(400);
  const { data } = await axios.get(url); // expect: ssrf
  return res.send(data);
});
