import express from 'express';
import { MongoClient } from 'mongodb';

const app = express();
const col = new MongoClient('mongodb://127.0.0.1').db('app').collection('allocations');

app.get('/allocations', async (req, res) => {
  const threshold = Number.parseInt(String(req.query.threshold), 10);
  res.json(await col.find({ stocks: { $gt: threshold } }).toArray());
});
