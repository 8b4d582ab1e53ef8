// Only some fields checked, or the check comes after the value was used.
const express = require('express');

const app = express();
const ROUTING_RE = /^[0-9]+#$/;

app.post('/profile', (req, res) => {
  const { bankRouting, firstName } = req.body; // expect: unvalidated-input
  if (!ROUTING_RE.test(bankRouting)) return res.status(400).end();
  res.json(saveProfile(firstName, bankRouting));
});
app.post('/contributions', (req, res) => {
  const preTax = req.body.preTax; // expect: unvalidated-input
  const total = compute(preTax);
  if (isNaN(preTax)) return res.status(400).end();
  res.json({ total });
});

function saveProfile(firstName, bankRouting) { return { firstName, bankRouting }; }
function compute(v) { return Number(v) * 2; }
