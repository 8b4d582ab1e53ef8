import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIObject, OperationObject, ParameterObject, RequestBodyObject, SchemaObject } from 'openapi3-ts/oas31';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ScaffoldError, specFromRoutes, type SpecFromRoutesResult } from '../../src/index.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string): string => path.join(FIXTURES, name);

function op(doc: OpenAPIObject, p: string, method: string): OperationObject {
  const o = doc.paths?.[p]?.[method as 'get'] as OperationObject | undefined;
  if (!o) throw new Error(`${method} ${p} missing; have ${Object.keys(doc.paths ?? {}).join(', ')}`);
  return o;
}
const params = (o: OperationObject): ParameterObject[] => (o.parameters ?? []) as ParameterObject[];
const json = (o: OperationObject, status: string): unknown => (o.responses?.[status] as { content?: Record<string, { schema: unknown }> })?.content?.['application/json']?.schema;

describe('specFromRoutes: Express', () => {
  let r: SpecFromRoutesResult;
  beforeAll(async () => {
    r = await specFromRoutes({ input: fixture('express'), title: 'Pets', version: '1.2.3' });
  });

  it('applies mount prefixes, router.route() chains and :param → {param}', () => {
    expect(r.document.openapi).toBe('3.1.0');
    expect(r.document.info).toEqual({ title: 'Pets', version: '1.2.3' });
    expect(Object.keys(r.document.paths ?? {}).sort()).toEqual(['/api/orders', '/api/orders/{orderId}', '/api/pets', '/api/pets/{petId}', '/health']);
    expect(Object.keys(r.document.paths?.['/api/pets/{petId}'] ?? {}).sort()).toEqual(['delete', 'get']);
    expect(Object.keys(r.document.paths?.['/api/orders'] ?? {}).sort()).toEqual(['get', 'post']);
  });

  it('names operations after their handlers and reports anonymous ones', () => {
    expect(op(r.document, '/api/pets', 'get').operationId).toBe('listPets');
    expect(op(r.document, '/api/pets/{petId}', 'delete').operationId).toBe('deletePet');
    const health = r.routes.find((x) => x.path === '/health')!;
    expect(health.operationId).toBeUndefined();
    expect(health.notInferred).toContain('operationId: the handler is anonymous');
  });

  it('reads query parameters from a zod schema and the body from Request<…, ReqBody>', () => {
    const list = op(r.document, '/api/pets', 'get');
    expect(params(list).map((p) => [p.name, p.in, p.required ?? false])).toEqual([['limit', 'query', false], ['status', 'query', false]]);
    expect(params(list)[0]!.schema).toEqual({ type: 'integer', minimum: 1, maximum: 100 });
    const create = op(r.document, '/api/pets', 'post');
    expect(create.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } } });
  });

  it('collects one response per res.status(n).json(x) / sendStatus call site', () => {
    expect(Object.keys(op(r.document, '/api/pets', 'post').responses ?? {})).toEqual(['201', '400']);
    expect(json(op(r.document, '/api/pets', 'post'), '201')).toEqual({ $ref: '#/components/schemas/Pet' });
    const get = op(r.document, '/api/pets/{petId}', 'get');
    expect(json(get, '404')).toEqual({ $ref: '#/components/schemas/ApiError' });
    expect(json(get, '200')).toEqual({ $ref: '#/components/schemas/Pet' });
    expect(op(r.document, '/api/pets/{petId}', 'delete').responses).toEqual({ '204': { description: 'No Content' } });
    expect(params(get)).toEqual([{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }]);
  });

  it('turns interfaces into components: optional, literal unions, arrays, Date, JSDoc format, recursion with null', () => {
    const pet = r.document.components?.schemas?.['Pet'] as SchemaObject;
    expect(pet.required).toEqual(['id', 'name', 'status', 'tags', 'bornAt']);
    expect(pet.description).toBe('A pet in the store.');
    expect(pet.properties).toMatchObject({
      ownerEmail: { type: 'string', format: 'email' },
      status: { type: 'string', enum: ['available', 'sold'] },
      tags: { type: 'array', items: { type: 'string' } },
      bornAt: { type: 'string', format: 'date-time' },
      parent: { anyOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'null' }] },
    });
  });

  it('lists query parameters a handler reads without types, with empty schemas and a note', () => {
    const list = op(r.document, '/api/orders', 'get');
    expect(params(list)).toEqual([{ name: 'page', in: 'query', schema: {} }, { name: 'size', in: 'query', schema: {} }]);
    const report = r.routes.find((x) => x.method === 'GET' && x.path === '/api/orders')!;
    expect(report.notInferred).toContain('query parameters page, size: read by the handler but their types are not declared');
  });

  it('reports, and does not invent, a body the handler reads without a type', () => {
    const orders = r.routes.find((x) => x.method === 'POST' && x.path === '/api/orders')!;
    expect(orders.notInferred).toContain('request body: read by the handler but its type is not declared');
    expect(op(r.document, '/api/orders', 'post').requestBody).toBeUndefined();
    expect(json(op(r.document, '/api/orders/{orderId}', 'get'), '200')).toEqual({
      type: 'object', properties: { id: { type: 'string' }, total: { type: 'number' } }, required: ['id', 'total'],
    });
  });
});

describe('specFromRoutes: Fastify', () => {
  let r: SpecFromRoutesResult;
  beforeAll(async () => {
    r = await specFromRoutes({ input: fixture('fastify') });
  });

  it('applies register() prefixes, inline plugins included', () => {
    expect(Object.keys(r.document.paths ?? {}).sort()).toEqual(['/meta/status', '/v1/users', '/v1/users/{id}']);
  });

  it('reads route JSON schemas, route generics and zod bodies', () => {
    const get = op(r.document, '/v1/users/{id}', 'get');
    expect(get.operationId).toBe('getUser');
    expect(params(get)[0]!.schema).toEqual({ type: 'string', format: 'uuid' });
    expect(json(get, '200')).toMatchObject({ required: ['id', 'name'] });
    const list = op(r.document, '/v1/users', 'get');
    expect(params(list).map((p) => [p.name, p.required ?? false])).toEqual([['page', false], ['q', true]]);
    expect(Object.keys(list.responses ?? {})).toEqual(['200', '400']);
    const create = op(r.document, '/v1/users', 'post');
    expect((create.requestBody as RequestBodyObject | undefined)?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/CreateUser' });
    expect(r.document.components?.schemas?.['CreateUser']).toEqual({
      type: 'object',
      properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string', format: 'email' }, age: { type: 'integer', minimum: 0 } },
      required: ['name', 'email'],
    });
    expect(Object.keys(create.responses ?? {})).toEqual(['201']);
  });

  it('reads reply.code(n).send(x) and FastifyRequest<{ Params }>', () => {
    const del = op(r.document, '/v1/users/{id}', 'delete');
    expect(Object.keys(del.responses ?? {})).toEqual(['204', '404']);
    expect(r.routes.find((x) => x.operationId === 'deleteUser')?.inferredFrom).toContain('path params: FastifyRequest type');
  });
});

describe('specFromRoutes: Koa', () => {
  it('applies nested @koa/router prefixes and reads ctx.body, ctx.status and ctx.throw', async () => {
    const r = await specFromRoutes({ input: fixture('koa') });
    expect(Object.keys(r.document.paths ?? {}).sort()).toEqual(['/api/books', '/api/books/{isbn}']);
    const get = op(r.document, '/api/books/{isbn}', 'get');
    expect(Object.keys(get.responses ?? {})).toEqual(['200', '404']);
    const create = op(r.document, '/api/books', 'post');
    expect(Object.keys(create.responses ?? {})).toEqual(['201']);
    expect((create.requestBody as RequestBodyObject | undefined)?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Book' });
  });
});

describe('specFromRoutes: output and bad input', () => {
  it('writes YAML or JSON by the output extension', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-spec-'));
    try {
      const r = await specFromRoutes({ input: fixture('koa'), output: path.join(dir, 'openapi.yaml') });
      expect(parse(await readFile(path.join(dir, 'openapi.yaml'), 'utf8'))).toEqual(r.document);
      await specFromRoutes({ input: fixture('koa'), output: path.join(dir, 'openapi.json') });
      expect(JSON.parse(await readFile(path.join(dir, 'openapi.json'), 'utf8'))).toEqual(r.document);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the file, line and column of a route file that does not parse', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-spec-broken-'));
    try {
      await writeFile(path.join(dir, 'app.ts'), "import express from 'express';\nconst app = express(;\napp.get('/x', (req, res) => res.json(1));\n");
      const err = await specFromRoutes({ input: dir }).catch((e: unknown) => e);
      expect(ScaffoldError.is(err) && err.code).toBe('SCAFFOLD_ROUTES_PARSE');
      expect((err as Error).message).toMatch(/app\.ts:2:21: '\)' expected/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails clearly when there is nothing to read or no route in it', async () => {
    const missing = await specFromRoutes({ input: fixture('nope') }).catch((e: unknown) => e);
    expect(ScaffoldError.is(missing) && missing.code).toBe('SCAFFOLD_ROUTES_NOT_FOUND');
    const empty = await specFromRoutes({ input: fixture('empty') }).catch((e: unknown) => e);
    expect(ScaffoldError.is(empty) && empty.code).toBe('SCAFFOLD_NO_ROUTES');
  });
});
