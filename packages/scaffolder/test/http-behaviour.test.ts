import { request } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS, type Framework } from '../src/index.js';
import { cleanup, EXAMPLES, generate, writeHandlers } from './support/generate.js';
import { serve, type Running } from './support/serve.js';

/**
 * One conformance suite, the same requests against the Express, Fastify and Koa apps generated from one spec:
 * every answer must have the expected status, never a 5xx, the same error envelope (code, details with the
 * offending field, request id) and the same Allow header on all three. docs/api-design.md explains each decision.
 */

const HANDLERS = `import type * as Op from '../operations.gen.js';
import type { HandlerContext } from '../runtime.gen.js';

export async function listPets(input: Op.ListPetsInput, _ctx: HandlerContext): Promise<Op.ListPetsResult> {
  return { status: 200, body: [{ id: 1, name: 'Rex', kind: input.query.kind ?? 'dog' }].slice(0, input.query.limit ?? 20) };
}
export async function createPet(input: Op.CreatePetInput, _ctx: HandlerContext): Promise<Op.CreatePetResult> {
  return { status: 201, body: { id: 2, ...input.body } };
}
export async function getPet(input: Op.GetPetInput, _ctx: HandlerContext): Promise<Op.GetPetResult> {
  return { status: 200, body: { id: input.params.petId, name: 'Rex', kind: 'dog' } };
}
export async function deletePet(_input: Op.DeletePetInput, _ctx: HandlerContext): Promise<Op.DeletePetResult> {
  return { status: 204 };
}
`;

interface Req {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Expected status. */
  readonly status: number;
  /** Expected error code (non-2xx). */
  readonly code?: string;
  /** Fields the details must name (in order-independent). */
  readonly fields?: readonly string[];
  readonly allow?: string;
}

const json = { 'content-type': 'application/json' };
const pet = JSON.stringify({ name: 'Tom', kind: 'cat' });
const valid = (name: string, extra: Partial<Req> = {}): Req => ({ name, method: 'POST', path: '/pets', headers: json, body: pet, status: 201, ...extra });
const bad = (name: string, body: unknown, fields: string[]): Req => ({ name, method: 'POST', path: '/pets', headers: json, body: JSON.stringify(body), status: 400, code: 'VALIDATION_ERROR', fields });
const q = (name: string, query: string, fields: string[]): Req => ({ name, method: 'GET', path: `/pets?${query}`, status: 400, code: 'VALIDATION_ERROR', fields });
const bomb = gzipSync(Buffer.alloc(3 * 1024 * 1024, 0x20));

const REQUESTS: readonly Req[] = [
  { name: 'list', method: 'GET', path: '/pets', status: 200 },
  { name: 'list with limit', method: 'GET', path: '/pets?limit=5', status: 200 },
  { name: 'list with an enum filter', method: 'GET', path: '/pets?kind=cat', status: 200 },
  { name: 'list with both', method: 'GET', path: '/pets?limit=1&kind=dog', status: 200 },
  { name: 'get one', method: 'GET', path: '/pets/7', status: 200 },
  valid('create'),
  valid('create with an optional field', { body: JSON.stringify({ name: 'Tom', kind: 'cat', age: 3 }) }),
  valid('create with a charset', { headers: { 'content-type': 'application/json; charset=utf-8' } }),
  valid('create, gzip', { headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(pet) }),
  valid('create, deflate', { headers: { ...json, 'content-encoding': 'deflate' }, body: deflateSync(pet) }),
  valid('create, br', { headers: { ...json, 'content-encoding': 'br' }, body: brotliCompressSync(pet) }),
  valid('create, identity', { headers: { ...json, 'content-encoding': 'identity' } }),
  { name: 'delete with a token', method: 'DELETE', path: '/pets/7', headers: { authorization: 'Bearer good' }, status: 204 },
  { name: 'HEAD of a list', method: 'HEAD', path: '/pets', status: 200 },
  { name: 'HEAD of one', method: 'HEAD', path: '/pets/7', status: 200 },
  q('limit below minimum', 'limit=0', ['limit']),
  q('limit above maximum', 'limit=101', ['limit']),
  q('limit not a number', 'limit=abc', ['limit']),
  q('limit not an integer', 'limit=1.5', ['limit']),
  q('limit empty', 'limit=', ['limit']),
  q('kind outside the enum', 'kind=bird', ['kind']),
  q('malformed percent-encoding in the query', 'limit=%zz', ['limit']),
  { name: 'path parameter below minimum', method: 'GET', path: '/pets/0', status: 400, code: 'VALIDATION_ERROR', fields: ['petId'] },
  { name: 'path parameter not a number', method: 'GET', path: '/pets/abc', status: 400, code: 'VALIDATION_ERROR', fields: ['petId'] },
  bad('empty object', {}, ['name', 'kind']),
  bad('missing kind', { name: 'Tom' }, ['kind']),
  bad('empty name', { name: '', kind: 'cat' }, ['name']),
  bad('name too long', { name: 'x'.repeat(51), kind: 'cat' }, ['name']),
  bad('name not a string', { name: 5, kind: 'cat' }, ['name']),
  bad('kind outside the enum', { name: 'Tom', kind: 'bird' }, ['kind']),
  bad('age below minimum', { name: 'Tom', kind: 'cat', age: -1 }, ['age']),
  bad('age above maximum', { name: 'Tom', kind: 'cat', age: 31 }, ['age']),
  bad('age not an integer', { name: 'Tom', kind: 'cat', age: 2.5 }, ['age']),
  bad('age as a string', { name: 'Tom', kind: 'cat', age: '3' }, ['age']),
  bad('an unknown property', { name: 'Tom', kind: 'cat', colour: 'red' }, ['colour']),
  bad('null body', null, ['']),
  bad('array body', [], ['']),
  bad('string body', 'Tom', ['']),
  { name: 'empty body', method: 'POST', path: '/pets', headers: json, body: '', status: 400, code: 'VALIDATION_ERROR', fields: [''] },
  { name: 'no body, no content-type', method: 'POST', path: '/pets', status: 400, code: 'VALIDATION_ERROR', fields: [''] },
  { name: 'truncated JSON', method: 'POST', path: '/pets', headers: json, body: '{"name":', status: 400, code: 'INVALID_BODY', fields: [''] },
  { name: 'not JSON', method: 'POST', path: '/pets', headers: json, body: 'name=Tom', status: 400, code: 'INVALID_BODY', fields: [''] },
  { name: 'text/plain body', method: 'POST', path: '/pets', headers: { 'content-type': 'text/plain' }, body: pet, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'XML body', method: 'POST', path: '/pets', headers: { 'content-type': 'application/xml' }, body: '<pet/>', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a body without content-type', method: 'POST', path: '/pets', body: pet, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'lying gzip', method: 'POST', path: '/pets', headers: { ...json, 'content-encoding': 'gzip' }, body: pet, status: 400, code: 'INVALID_BODY', fields: [''] },
  { name: 'lying deflate', method: 'POST', path: '/pets', headers: { ...json, 'content-encoding': 'deflate' }, body: pet, status: 400, code: 'INVALID_BODY', fields: [''] },
  { name: 'lying br', method: 'POST', path: '/pets', headers: { ...json, 'content-encoding': 'br' }, body: pet, status: 400, code: 'INVALID_BODY', fields: [''] },
  { name: 'unknown content-encoding', method: 'POST', path: '/pets', headers: { ...json, 'content-encoding': 'compress' }, body: pet, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'oversized body', method: 'POST', path: '/pets', headers: json, body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), kind: 'cat' }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'gzip bomb', method: 'POST', path: '/pets', headers: { ...json, 'content-encoding': 'gzip' }, body: bomb, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'unknown route', method: 'GET', path: '/nope', status: 404, code: 'NOT_FOUND' },
  { name: 'unknown nested route', method: 'GET', path: '/pets/7/toys', status: 404, code: 'NOT_FOUND' },
  { name: 'malformed percent-encoding in a path parameter', method: 'GET', path: '/pets/%zz', status: 400, code: 'INVALID_URL', fields: [''] },
  { name: 'malformed percent-encoding in an unknown path', method: 'GET', path: '/%E0%A4%A', status: 400, code: 'INVALID_URL', fields: [''] },
  { name: 'wrong method on a list', method: 'PUT', path: '/pets', headers: json, body: pet, status: 405, code: 'METHOD_NOT_ALLOWED', allow: 'GET, POST, HEAD' },
  { name: 'wrong method on one', method: 'PATCH', path: '/pets/7', headers: json, body: pet, status: 405, code: 'METHOD_NOT_ALLOWED', allow: 'GET, DELETE, HEAD' },
  { name: 'OPTIONS on a path', method: 'OPTIONS', path: '/pets', status: 405, code: 'METHOD_NOT_ALLOWED', allow: 'GET, POST, HEAD' },
  { name: 'OPTIONS on an unknown path', method: 'OPTIONS', path: '/nope', status: 404, code: 'NOT_FOUND' },
  { name: 'trailing slash on a list', method: 'GET', path: '/pets/', status: 404, code: 'NOT_FOUND' },
  { name: 'trailing slash on one', method: 'GET', path: '/pets/7/', status: 404, code: 'NOT_FOUND' },
  { name: 'HEAD of an unknown route', method: 'HEAD', path: '/nope', status: 404 },
  { name: 'delete without a token', method: 'DELETE', path: '/pets/7', status: 401, code: 'UNAUTHORIZED' },
  { name: 'delete with a wrong token', method: 'DELETE', path: '/pets/7', headers: { authorization: 'Bearer bad' }, status: 401, code: 'UNAUTHORIZED' },
  { name: 'delete with another scheme', method: 'DELETE', path: '/pets/7', headers: { authorization: 'Basic dTpw' }, status: 401, code: 'UNAUTHORIZED' },
];

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

function send(base: string, r: Req): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const body = r.body === undefined ? undefined : Buffer.from(r.body);
    const req = request(
      { host: url.hostname, port: url.port, method: r.method, path: r.path, headers: { 'x-request-id': `req-${r.name.replace(/[^a-z0-9]+/gi, '-')}`, ...(body ? { 'content-length': String(body.length) } : {}), ...r.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error(`${r.name}: no answer in 15 s`)));
    req.on('error', (err) => (/ECONNRESET|EPIPE|socket hang up/.test(String(err)) ? resolve({ status: 0, headers: {}, text: String(err) }) : reject(err)));
    req.end(body);
  });
}

/** What must be identical on every framework: status, Allow, and the envelope without the (per-request) id. */
function comparable(a: Answer): unknown {
  const body = a.text === '' ? undefined : (JSON.parse(a.text) as { error?: unknown; meta?: unknown });
  return { status: a.status, allow: a.headers['allow'], error: body?.error };
}

const apps = new Map<Framework, Running>();
const dirs: string[] = [];
const answers = new Map<Framework, Answer[]>();

beforeAll(async () => {
  for (const framework of FRAMEWORKS) {
    const { dir } = await generate(path.join(EXAMPLES, 'shelter.yaml'), framework, 'http-behaviour');
    dirs.push(dir);
    await writeHandlers(dir, 'pets', HANDLERS);
    const authenticate = (c: { token?: string }): unknown => (c.token === 'good' ? { user: 'staff' } : undefined);
    apps.set(framework, await serve(dir, framework, { authenticate }));
  }
  for (const [framework, app] of apps) {
    const list: Answer[] = [];
    for (const r of REQUESTS) list.push(await send(app.url, r));
    answers.set(framework, list);
  }
}, 240_000);
afterAll(async () => {
  for (const app of apps.values()) await app.close();
  await cleanup(dirs);
});

describe('the generated apps behave the same', () => {
  it(`sends at least 50 requests`, () => {
    expect(REQUESTS.length).toBeGreaterThanOrEqual(50);
  });

  for (const framework of FRAMEWORKS) {
    it(`${framework}: every answer has the expected status, envelope, request id and field, never a 5xx`, () => {
      const got = answers.get(framework)!;
      const wrong: string[] = [];
      REQUESTS.forEach((r, i) => {
        const a = got[i]!;
        const id = a.headers['x-request-id'];
        const problems: string[] = [];
        if (a.status !== r.status) problems.push(`status ${a.status}, expected ${r.status}`);
        if (a.status >= 500) problems.push('a 5xx');
        if (id !== `req-${r.name.replace(/[^a-z0-9]+/gi, '-')}`) problems.push(`x-request-id ${String(id)}`);
        if (r.allow !== undefined && a.headers['allow'] !== r.allow) problems.push(`allow ${String(a.headers['allow'])}, expected ${r.allow}`);
        if (r.method === 'HEAD' && a.text !== '') problems.push('a body on HEAD');
        if (r.code !== undefined && r.method !== 'HEAD') {
          const body = JSON.parse(a.text || '{}') as { error?: { code?: string; details?: { field: string }[] }; meta?: { requestId?: string } };
          if (body.error?.code !== r.code) problems.push(`code ${String(body.error?.code)}, expected ${r.code}`);
          if (body.meta?.requestId !== id) problems.push('meta.requestId differs from the header');
          for (const f of r.fields ?? []) if (!(body.error?.details ?? []).some((d) => d.field === f)) problems.push(`no detail for field "${f}" in ${JSON.stringify(body.error?.details)}`);
        }
        if (problems.length > 0) wrong.push(`${r.name} (${r.method} ${r.path}): ${problems.join('; ')} — ${a.text.slice(0, 200)}`);
      });
      expect(wrong).toEqual([]);
    });
  }

  it('answers every request identically on express, fastify and koa (status, Allow, error envelope)', () => {
    const [first, ...rest] = FRAMEWORKS;
    const base = answers.get(first!)!.map(comparable);
    for (const f of rest) {
      const other = answers.get(f)!.map(comparable);
      const diff = REQUESTS.flatMap((r, i) => (JSON.stringify(other[i]) === JSON.stringify(base[i]) ? [] : [`${r.name}: ${first} ${JSON.stringify(base[i])} vs ${f} ${JSON.stringify(other[i])}`]));
      expect(diff).toEqual([]);
    }
  });
});
