// Every field checked by hand before it is used: a validation function in the if, an anchored regex, typeof.
const express = require('express');

const app = express();
const USER_RE = /^[a-z0-9_]{1,20}$/;
function validateSignup(userName, email) { return USER_RE.test(userName) && /^[^@\s]+@[^@\s]+$/.test(email); }

app.post('/signup', (req, res) => {
  const { userName, email } = req.body;
  const errors = { userName, email };
  if (!validateSignup(userName, email)) return res.status(400).json(errors);
  res.status(201).json(createUser(userName, email));
});
app.post('/rename', (req, res) => {
  const name = req.body.name;
  if (typeof name !== 'string' || !USER_RE.test(name)) return res.status(400).end();
  res.json(createUser(name, ''));
});

function createUser(userName, email) { return { userName, email }; }
