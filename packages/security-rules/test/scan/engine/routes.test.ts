import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/index.js';
import { tempProject } from '../../helpers/project.js';

describe('route model', () => {
  it('joins an Express router from another file with its mount prefix and both middleware chains', async () => {
    const dir = tempProject({
      'auth.ts': "import { Router } from 'express';\nimport rateLimit from 'express-rate-limit';\nconst router = Router();\nrouter.use(rateLimit({ limit: 5 }));\nrouter.post('/login', (req, res) => res.end());\nexport default router;\n",
      'app.ts': "import express from 'express';\nimport helmet from 'helmet';\nimport auth from './auth.js';\nconst app = express();\napp.use(helmet());\napp.use('/api/auth', auth);\napp.get('/health', (req, res) => res.end());\n",
    });
    const r = await scan({ paths: [dir], rules: ['missing-rate-limit'] });
    const login = r.routes.find((x) => x.route === 'POST /api/auth/login');
    expect(login?.chain).toEqual(['helmet()', 'rateLimit({ limit: 5 })']);
    expect(r.findings).toEqual([]);
  });

  it('prefixes Fastify plugin routes and reads per-route preHandler hooks', async () => {
    const dir = tempProject({
      'app.ts': "import Fastify from 'fastify';\nconst app = Fastify();\nconst requireAuth = async () => {};\napp.register(async (f) => {\n  f.delete('/items/:id', { preHandler: [requireAuth] }, async () => ({}));\n  f.post('/login', async () => ({}));\n}, { prefix: '/v2' });\n",
    });
    const r = await scan({ paths: [dir], rules: ['missing-rate-limit'] });
    expect(r.routes.map((x) => [x.route, x.chain])).toEqual([['DELETE /v2/items/:id', ['requireAuth']], ['POST /v2/login', []]]);
    expect(r.findings.map((f) => f.route)).toEqual(['POST /v2/login']);
  });

  it('reads koa-router prefixes and middleware added with router.use', async () => {
    const dir = tempProject({
      'app.js': "const Koa = require('koa');\nconst Router = require('@koa/router');\nconst app = new Koa();\nconst r = new Router({ prefix: '/api' });\nr.use(async (ctx, next) => next());\nr.put('/things/:id', (ctx) => { ctx.status = 204; });\napp.use(r.routes());\n",
    });
    const r = await scan({ paths: [dir], rules: ['missing-auth'] });
    expect(r.routes.map((x) => x.route)).toEqual(['PUT /api/things/:id']);
    expect(r.routes[0]?.chain).toHaveLength(1);
  });
  it('mounts routers returned by factory functions (CommonJS require(...)())', async () => {
    const dir = tempProject({
      'routes/app.js': "var router = require('express').Router()\nvar h = require('../handlers')\nmodule.exports = function () {\n  router.post('/items', h.requireLogin, h.create)\n  return router\n}\n",
      'handlers.js': "module.exports.requireLogin = function (req, res, next) { if (req.isAuthenticated()) return next(); res.redirect('/login') }\nmodule.exports.create = function (req, res) { res.end() }\n",
      'server.js': "var express = require('express')\nvar app = express()\napp.use('/app', require('./routes/app')())\napp.listen(3000)\n",
    });
    const r = await scan({ paths: [dir], rules: ['missing-auth'] });
    expect(r.routes.map((x) => [x.route, x.chain])).toEqual([['POST /app/items', ['h.requireLogin']]]);
  });

  it('follows the app into a function exported with module.exports and handlers set with this.x = in constructor functions', async () => {
    const dir = tempProject({
      'app/routes/items.js': "function ItemsHandler(db) {\n  this.update = function (req, res) { db.save(req.body); res.end() }\n}\nmodule.exports = ItemsHandler\n",
      'app/routes/index.js': "var ItemsHandler = require('./items')\nvar exports = function (app, db) {\n  var items = new ItemsHandler(db)\n  app.post('/items', items.update)\n}\nmodule.exports = exports\n",
      'server.js': "const express = require('express')\nconst app = express()\nconst routes = require('./app/routes')\nroutes(app, {})\napp.get('/', (req, res) => res.end())\n",
    });
    const r = await scan({ paths: [dir], rules: ['missing-auth'] });
    expect(r.routes.map((x) => x.route).sort()).toEqual(['GET /', 'POST /items']);
    expect(r.findings.map((f) => [f.route, f.location.file])).toEqual([['POST /items', 'app/routes/index.js']]);
  });

  it('does not count passport.initialize(), passport.session() or express-session as authentication', async () => {
    const dir = tempProject({
      'server.js': "const express = require('express')\nconst passport = require('passport')\nconst session = require('express-session')\nconst app = express()\napp.use(session({ secret: process.env.S }))\napp.use(passport.initialize())\napp.use(passport.session())\napp.get('/me', passport.authenticate('jwt'), (req, res) => res.json(req.user))\napp.post('/notes', (req, res) => res.end())\n",
    });
    const r = await scan({ paths: [dir], rules: ['missing-auth'] });
    expect(r.routes.find((x) => x.route === 'GET /me')?.chain).toEqual(['session({ secret: process.env.S })', 'passport.initialize()', 'passport.session()', "passport.authenticate('jwt')"]);
    expect(r.findings.map((f) => f.route)).toEqual(['POST /notes']);
  });
  it('resolves handlers that are class methods, bound or not', async () => {
    const dir = tempProject({
      'notes.js': "class NotesController {\n  constructor(db) { this.db = db }\n  list(req, res) { res.json([]) }\n  create(req, res) { this.db.save(req.body.text); res.end() }\n}\nmodule.exports = NotesController\n",
      'server.js': "const express = require('express')\nconst NotesController = require('./notes')\nconst app = express()\nconst notes = new NotesController({})\napp.get('/notes', notes.list)\napp.post('/notes', notes.create.bind(notes))\n",
    });
    const r = await scan({ paths: [dir], rules: ['unvalidated-input'] });
    expect(r.routes.map((x) => x.route)).toEqual(['GET /notes', 'POST /notes']);
    expect(r.findings.map((f) => [f.route, f.location.file])).toEqual([['POST /notes', 'notes.js']]);
  });
  it('leaves out of a route chain the Express middleware added after it in the same file and error handlers', async () => {
    const dir = tempProject({
      'app.js': "const express = require('express')\nconst app = express()\nconst requireAuth = (req, res, next) => (req.user ? next() : res.sendStatus(401))\napp.post('/notes', (req, res) => res.end())\napp.use(requireAuth)\napp.post('/tags', (req, res) => res.end())\napp.use(function authErrors(err, req, res, next) { res.status(500).end() })\n",
    });
    const r = await scan({ paths: [dir], rules: ['missing-auth'] });
    expect(r.routes.map((x) => [x.route, x.chain])).toEqual([['POST /notes', []], ['POST /tags', ['requireAuth']]]);
    expect(r.findings.map((f) => f.route)).toEqual(['POST /notes']);
  });
});
