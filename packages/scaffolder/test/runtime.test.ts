import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS, type Framework } from '../src/index.js';
import { cleanup, EXAMPLES, generate, writeHandlers } from './support/generate.js';
import { serve, type Running } from './support/serve.js';

const BOOKS = `
import { ApiError } from '../runtime.gen.js';
export async function booksList(input) { return { status: 200, body: { items: [], nextCursor: JSON.stringify(input.query) } }; }
export async function booksCreate(input, ctx) { return { status: 201, body: { id: 1, ...input.body, auth: ctx.auth } }; }
export async function getBook(input) {
  if (input.params.bookId === 13) throw new Error('secret database detail');
  if (input.params.bookId === 404) throw new ApiError(404, 'BOOK_NOT_FOUND', 'no such book');
  return { status: 200, body: { id: input.params.bookId, kind: typeof input.params.bookId } };
}
export async function deleteBook(input, ctx) { return { status: 200, body: { headers: input.headers, auth: ctx.auth } }; }
export async function putBooksByBookIdCover() { return { status: 204 }; }
`;
const OTHERS = `
export async function categoryTree(input) { return { status: 200, body: { name: input.params.path, session: input.cookies.session } }; }
`;
const NEWSLETTER = `
export async function subscribe(input) { return { status: 200, body: input.body }; }
`;

const AUTH = { headers: { authorization: 'Bearer good' } };
const seen: string[] = [];
const authenticate = (c: { scheme: string; token?: string; username?: string; password?: string }): unknown => {
  seen.push(c.scheme);
  if (c.scheme === 'bearerAuth' && c.token === 'good') return { user: 'ada' };
  if (c.scheme === 'apiKeyAuth' && c.token === 'k1') return { key: 'k1' };
  if (c.scheme === 'basicAuth' && c.username === 'ada' && c.password === 'pw') return { user: 'ada' };
  return null;
};

describe.each(FRAMEWORKS)('the generated %s app', (framework: Framework) => {
  let dir = '';
  let app: Running;
  const errors: unknown[] = [];
  beforeAll(async () => {
    ({ dir } = await generate(path.join(EXAMPLES, 'bookshop/openapi.yaml'), framework, 'runtime'));
    await writeHandlers(dir, 'books', BOOKS);
    await writeHandlers(dir, 'categories', OTHERS);
    await writeHandlers(dir, 'newsletter', NEWSLETTER);
    app = await serve(dir, framework, { authenticate, bodyLimit: 2048, onError: (e: unknown) => errors.push(e) });
  });
  afterAll(async () => {
    await app?.close();
    await cleanup([dir]);
  });
  // oxlint-disable-next-line typescript/no-explicit-any -- response bodies are probed field by field
  const call = async (p: string, init: RequestInit = {}): Promise<{ status: number; body: any; headers: Headers }> => {
    const res = await fetch(app.url + p, init);
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
  };

  it('passes coerced, split query parameters to the handler', async () => {
    const r = await call('/books?limit=5&genre=fiction,science&tag=a&tag=b&inStock=true');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body.nextCursor)).toEqual({ limit: 5, genre: ['fiction', 'science'], tag: ['a', 'b'], inStock: true });
  });

  it('answers 400 with every problem in details and the request id in meta', async () => {
    const r = await call('/books?limit=500&genre=poetry,cooking', { headers: { 'x-request-id': 'req-123' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_ERROR');
    expect(r.body.meta).toEqual({ requestId: 'req-123' });
    expect(r.headers.get('x-request-id')).toBe('req-123');
    expect(r.body.error.details).toEqual(
      expect.arrayContaining([
        { in: 'query', field: 'limit', message: 'must be <= 100' },
        expect.objectContaining({ in: 'query', field: 'genre.1' }),
      ]),
    );
  });

  it('coerces path parameters and answers 400 for ones that cannot be', async () => {
    expect((await call('/books/7', AUTH)).body).toEqual({ id: 7, kind: 'number' });
    const bad = await call('/books/abc', AUTH);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ in: 'path', field: 'bookId', message: 'must be integer' }]);
  });

  it('runs the bearer security hook and answers 401 without valid credentials', async () => {
    const body = JSON.stringify({ title: 'Dune', author: { name: 'Herbert' } });
    const headers = { 'content-type': 'application/json' };
    expect((await call('/books', { method: 'POST', body, headers })).status).toBe(401);
    const bad = await call('/books', { method: 'POST', body, headers: { ...headers, authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('UNAUTHORIZED');
    const ok = await call('/books', { method: 'POST', body, headers: { ...headers, authorization: 'Bearer good' } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ title: 'Dune', auth: { bearerAuth: { user: 'ada' } } });
  });

  it('validates JSON bodies without coercing them', async () => {
    const r = await call('/books', {
      method: 'POST',
      body: JSON.stringify({ title: 42, price: 0, extra: true }),
      headers: { 'content-type': 'application/json', authorization: 'Bearer good' },
    });
    expect(r.status).toBe(400);
    const fields = (r.body.error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'author', 'price']));
  });

  it('accepts any one of the alternative security schemes and validates headers', async () => {
    const viaKey = await call('/books/3', { method: 'DELETE', headers: { 'x-api-key': 'k1', 'x-reason': 'sold' } });
    expect(viaKey.status).toBe(200);
    expect(viaKey.body.auth).toEqual({ apiKeyAuth: { key: 'k1' } });
    const basic = `Basic ${Buffer.from('ada:pw').toString('base64')}`;
    const viaBasic = await call('/books/3', { method: 'DELETE', headers: { authorization: basic, 'x-reason': 'lost' } });
    expect(viaBasic.status).toBe(400);
    expect(viaBasic.body.error.details).toEqual([expect.objectContaining({ in: 'header', field: 'x-reason' })]);
  });

  it('parses and coerces form bodies', async () => {
    const r = await call('/newsletter', { method: 'POST', body: 'email=ada%40example.com&frequency=3', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ email: 'ada@example.com', frequency: 3 });
    const bad = await call('/newsletter', { method: 'POST', body: 'email=nope', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(bad.body.error.details).toEqual([{ in: 'body', field: 'email', message: 'must be a valid email' }]);
  });

  it('reads cookie parameters', async () => {
    const r = await call('/categories/fiction', { headers: { ...AUTH.headers, cookie: 'session=s%201; other=x' } });
    expect(r.body).toEqual({ name: 'fiction', session: 's 1' });
  });

  it('answers 404, 405 with Allow, 413 and 415 in the error envelope, with helmet\'s headers', async () => {
    const nf = await call('/nope');
    expect(nf.status).toBe(404);
    expect(nf.body.error.code).toBe('NOT_FOUND');
    expect(nf.headers.get('x-content-type-options')).toBe('nosniff');
    const na = await call('/books', { method: 'PATCH' });
    expect(na.status).toBe(405);
    expect(na.headers.get('allow')).toBe('GET, POST, HEAD');
    expect(na.body.error.code).toBe('METHOD_NOT_ALLOWED');
    const big = await call('/books', { method: 'POST', body: JSON.stringify({ title: 'x'.repeat(5000) }), headers: { 'content-type': 'application/json', authorization: 'Bearer good' } });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const unsupported = await call('/books', { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain', authorization: 'Bearer good' } });
    expect(unsupported.status).toBe(415);
  });

  it('turns handler errors into envelopes without leaking internals', async () => {
    const boom = await call('/books/13', AUTH);
    expect(boom.status).toBe(500);
    expect(JSON.stringify(boom.body)).not.toContain('secret');
    expect(boom.body.error.code).toBe('INTERNAL_ERROR');
    expect(errors.length).toBeGreaterThan(0);
    const nf = await call('/books/404', AUTH);
    expect(nf.body.error).toEqual({ code: 'BOOK_NOT_FOUND', message: 'no such book' });
  });

  it('answers 501 from a handler stub that is not implemented yet', async () => {
    const { dir: stubDir } = await generate(path.join(EXAMPLES, 'petstore-3.1.yaml'), framework, 'stub');
    const stub = await serve(stubDir, framework, { authenticate });
    try {
      const r = await fetch(`${stub.url}/pets?limit=3`);
      expect(r.status).toBe(501);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('NOT_IMPLEMENTED');
    } finally {
      await stub.close();
      await cleanup([stubDir]);
    }
  });
});
