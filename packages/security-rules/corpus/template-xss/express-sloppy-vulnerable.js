// DVNA-style sloppy-mode JS: `output` is an undeclared (global) variable assigned in the callback.
const express = require('express');

const app = express();
const db = { findProducts: (name) => Promise.resolve([{ name }]) };
app.post('/products', (req, res) => {
  db.findProducts(req.body.name).then((products) => {
    output = { products: products, searchTerm: req.body.name };
    res.render('products', { output: output }); // expect: template-xss
  });
});
