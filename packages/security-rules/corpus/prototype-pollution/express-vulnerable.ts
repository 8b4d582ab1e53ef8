import express from 'express';
import _ from 'lodash';

const app = express();
const settings: Record<string, unknown> = {};

function deepMerge(target: any, source: any) {
  for (const key in source) {
    if (typeof source[key] === 'object') target[key] = deepMerge(target[key] ?? {}, source[key]);
    else target[key] = source[key];
  }
  return target;
}

app.put('/settings', (req, res) => {
  _.merge(settings, req.body); // expect: prototype-pollution
  res.json(settings);
});

app.patch('/prefs', (req, res) => {
  res.json(deepMerge({}, req.body)); // expect: prototype-pollution
});
