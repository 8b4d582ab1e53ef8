// indexOf on the value itself only asks for a substring: '../../secrets/key.pdf' passes.
const express = require('express');
const path = require('path');

const app = express();
app.get('/files/:name', (req, res) => {
  const name = req.params.name;
  if (name.indexOf('.pdf') === -1) return res.status(400).end();
  res.sendFile(path.join(__dirname, 'files', name)); // expect: path-traversal
});
