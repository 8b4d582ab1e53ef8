import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/index.js';
import { tempProject } from '../../helpers/project.js';

const label = (r: { route: string }): string => r.route;

describe('REST-resource libraries in the route model', () => {
  it('turns express-restify-mongoose serve(router, Model) into the nine routes it registers, under the router prefix and options', async () => {
    const dir = tempProject({
      'app.js': [
        "const express = require('express');",
        "const mongoose = require('mongoose');",
        "const restify = require('express-restify-mongoose');",
        "const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String }));",
        'const app = express();',
        'const router = express.Router();',
        "restify.serve(router, Customer, { prefix: '/rest', version: '/v2', lowercase: true });",
        "app.use('/shop', router);",
      ].join('\n'),
    });
    const { routes } = await scan({ paths: [dir], rules: ['missing-auth'] });
    expect(routes.filter((r) => r.route.includes(' /shop/rest/v2/customer')).map(label).sort()).toEqual([
      'DELETE /shop/rest/v2/customer', 'DELETE /shop/rest/v2/customer/:id', 'GET /shop/rest/v2/customer', 'GET /shop/rest/v2/customer/:id',
      'GET /shop/rest/v2/customer/count', 'PATCH /shop/rest/v2/customer/:id', 'POST /shop/rest/v2/customer', 'POST /shop/rest/v2/customer/:id',
      'PUT /shop/rest/v2/customer/:id',
    ]);
  });

  it('turns finale resource({ model, endpoints, actions }) into the routes of its actions under initialize({ base })', async () => {
    const dir = tempProject({
      'app.js': [
        "const express = require('express');",
        "const finale = require('finale-rest');",
        'const app = express();',
        "finale.initialize({ app, sequelize: {}, base: '/api' });",
        "finale.resource({ model: {}, endpoints: ['/users', '/users/:id'], actions: ['list', 'read', 'delete'] });",
      ].join('\n'),
    });
    const { routes } = await scan({ paths: [dir], rules: ['missing-auth'] });
    expect(routes.map(label).sort()).toEqual(['DELETE /api/users/:id', 'GET /api/users', 'GET /api/users/:id']);
  });
});
