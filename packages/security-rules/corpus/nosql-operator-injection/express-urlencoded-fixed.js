const express = require('express');
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/login', async (req, res) => {
  const user = await client.db().collection('users').findOne({ username: req.body.username });
  res.json({ ok: user !== null });
});
