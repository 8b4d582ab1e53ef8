import express from 'express';
import axios from 'axios';

const app = express();
const BASE = process.env.IMAGE_BASE_URL ?? 'https://images.example.com/';

app.post('/fetch-image', async (req, res) => {
  const url = new URL(String(req.body.url));
  if (!url.href.startsWith(BASE)) return res.sendStatus(400);
  const { data } = await axios.get(url.href);
  return res.send(data);
});
