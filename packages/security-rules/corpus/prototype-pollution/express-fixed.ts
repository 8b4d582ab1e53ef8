import express from 'express';
import _ from 'lodash';

const app = express();
const settings: Record<string, unknown> = {};

function deepMerge(target: any, source: any) {
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    target[key] = source[key];
  }
  return target;
}

app.put('/settings', (req, res) => {
  _.merge(settings, { theme: String(req.body.theme) === 'dark' ? 'dark' : 'light' });
  res.json(settings);
});

app.patch('/prefs', (req, res) => {
  res.json(deepMerge({}, req.body));
});
