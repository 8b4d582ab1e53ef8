// The search term is escaped by the template (<%= %>); the raw template only ever gets server data.
const express = require('express');

const app = express();
const db = { findProducts: (name) => Promise.resolve([{ name }]) };
app.post('/products', (req, res) => {
  db.findProducts(req.body.name).then((products) => {
    output = { products: products, searchTerm: req.body.name };
    res.render('products-safe', { output: output });
  });
});
app.get('/products', (req, res) => {
  output = { products: [], searchTerm: 'all' };
  res.render('products', { output: output });
});
