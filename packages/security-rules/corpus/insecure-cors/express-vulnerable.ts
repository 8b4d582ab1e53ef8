import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: true, credentials: true })); // expect: insecure-cors

app.get('/api/me', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin as string); // expect: insecure-cors
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.json({});
});
