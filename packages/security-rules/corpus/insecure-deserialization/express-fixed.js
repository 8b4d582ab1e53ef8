const express = require('express');
const serialize = require('node-serialize');
const app = express();

app.post('/import', (req, res) => {
  const products = JSON.parse(String(req.body.data));
  res.json({ products, sample: serialize.unserialize('{"a":1}') });
});
