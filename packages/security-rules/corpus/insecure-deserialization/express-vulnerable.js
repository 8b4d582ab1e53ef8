const express = require('express');
const serialize = require('node-serialize');
const app = express();

app.post('/import', (req, res) => {
  const products = serialize.unserialize(req.body.data); // expect: insecure-deserialization
  res.json(products);
});
