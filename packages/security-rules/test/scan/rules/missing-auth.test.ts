import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/index.js';
import { corpusCases } from '../../helpers/corpus.js';
import { tempProject } from '../../helpers/project.js';

describe('missing-auth', () => {
  corpusCases('missing-auth');

  it('does not report routes declared public in the config, and still reports the others', async () => {
    const dir = tempProject({
      '.sb-security.json': JSON.stringify({ publicRoutes: ['^/hooks/', '^POST /subscribe$'] }),
      'app.ts': [
        "import express from 'express';",
        'const app = express();',
        "app.post('/hooks/github', (_req, res) => res.end());",
        "app.post('/subscribe', (_req, res) => res.end());",
        "app.delete('/subscribe', (_req, res) => res.end());",
      ].join('\n'),
    });
    const result = await scan({ paths: [dir], rules: ['missing-auth'] });
    expect(result.findings.map((f) => f.route)).toEqual(['DELETE /subscribe']);
  });
  it('reads handlers exported with module.exports.x = from another file: password recovery stays public, a profile change does not', async () => {
    const dir = tempProject({
      'core/auth.js': [
        "module.exports.isAuthenticated = function (req, res, next) { if (req.isAuthenticated()) return next(); res.redirect('/login') }",
        "module.exports.forgotPw = function (req, res) { db.find({ where: { login: req.body.login } }); res.redirect('/login') }",
        "module.exports.resetPwSubmit = function (req, res) { if (req.body.token) db.save(req.body.password); res.redirect('/login') }",
        "module.exports.saveNote = function (req, res) { db.save(req.body.text); res.end() }",
      ].join('\n'),
      'routes/main.js': [
        "var router = require('express').Router()",
        "var auth = require('../core/auth')",
        'module.exports = function () {',
        "  router.get('/notes', auth.isAuthenticated, function (req, res) { res.end() })",
        "  router.post('/forgotpw', auth.forgotPw)",
        "  router.post('/resetpw', auth.resetPwSubmit)",
        "  router.post('/notes', auth.saveNote)",
        '  return router',
        '}',
      ].join('\n'),
      'server.js': "var app = require('express')()\napp.use('/', require('./routes/main')())\n",
    });
    const result = await scan({ paths: [dir], rules: ['missing-auth'] });
    expect(result.findings.map((f) => f.route)).toEqual(['POST /notes']);
  });
});
