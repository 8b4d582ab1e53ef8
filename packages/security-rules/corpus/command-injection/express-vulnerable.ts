import express from 'express';
import { promisify } from 'node:util';
import * as cp from 'node:child_process';
import { run } from './shell.js';

const execAsync = promisify(cp.exec);
const app = express();

app.get('/ping', async (req, res) => {
  const { stdout } = await execAsync(`ping -c 1 ${req.query.host}`); // expect: command-injection
  res.send(stdout);
});

app.post('/convert', (req, res) => {
  run('convert ' + req.body.file + ' out.png', () => res.send('ok')); // expect: command-injection
});
