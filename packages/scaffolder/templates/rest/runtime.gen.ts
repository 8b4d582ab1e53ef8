import { randomUUID } from 'node:crypto';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** One problem with the request, in the error envelope's `details`. */
export interface ErrorDetail {
  /** Where: path, query, header, cookie or body. */
  in: string;
  /** The parameter or dotted body field, e.g. `email` or `items.0.name`. */
  field: string;
  message: string;
}

/** Throw from a handler (or authenticate) to answer with this status in the standard error envelope. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** `{"error":{"code","message","details"},"meta":{"requestId"}}` */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: ErrorDetail[] };
  meta: { requestId: string };
}

/** Turns anything thrown into a status and envelope; unknown errors become a 500 without internals. */
export function toErrorResponse(err: unknown, requestId: string): { status: number; body: ErrorEnvelope; headers: Record<string, string> } {
  if (err instanceof ApiError) {
    const error: ErrorEnvelope['error'] = { code: err.code, message: err.message };
    if (err.details && err.details.length > 0) error.details = err.details;
    return { status: err.status, body: { error, meta: { requestId } }, headers: err.headers ?? {} };
  }
  return { status: 500, body: { error: { code: 'INTERNAL_ERROR', message: 'internal server error' }, meta: { requestId } }, headers: {} };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is well-formed, else a new UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID.test(value) ? value : randomUUID();
}

/** Credentials extracted for one security scheme, handed to your `authenticate` hook. */
export interface Credentials {
  /** The scheme's name in `components.securitySchemes`. */
  scheme: string;
  type: 'bearer' | 'basic' | 'apiKey' | 'http';
  /** bearer/apiKey: the token or key; http: the raw Authorization header. */
  token?: string;
  username?: string;
  password?: string;
  /** Scopes the operation requires (OAuth2/OpenID Connect). */
  scopes: readonly string[];
}

/**
 * Decides whether credentials are valid. Return the principal (any truthy value, e.g. the user) to accept,
 * `null`/`undefined`/`false` to reject (401), or throw an ApiError (e.g. 403 for missing scopes).
 */
export type AuthenticateHook = (credentials: Credentials, request: RawRequest) => unknown;

/** What a handler gets besides its input. */
export interface HandlerContext {
  requestId: string;
  /** The principal per security scheme that accepted the request; empty on open routes. */
  auth: Readonly<Record<string, unknown>>;
}

/** What a handler returns: the status, the body (JSON unless a string or bytes), extra headers. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The request as every framework adapter hands it over. */
export interface RawRequest {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  hasBody: boolean;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** A standalone ajv validator. */
export type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

export interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  split?: string;
  json?: boolean;
}

export interface MediaSpec {
  type: string;
  kind: 'json' | 'form' | 'multipart' | 'text' | 'binary';
  validate?: Validator;
}

export interface SchemeSpec {
  type: 'bearer' | 'basic' | 'apiKey' | 'http';
  in?: 'header' | 'query' | 'cookie';
  name?: string;
}

/** Everything the runtime needs to serve one operation. */
export interface RouteSpec {
  operationId: string;
  method: string;
  path: string;
  params: readonly ParamSpec[];
  validate: { path?: Validator; query?: Validator; header?: Validator; cookie?: Validator };
  body?: { required: boolean; media: readonly MediaSpec[] };
  security?: readonly (readonly { scheme: string; scopes: readonly string[] }[])[];
  handler: (input: never, ctx: HandlerContext) => Promise<HandlerResult>;
}

function parseCookies(header: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    if (key in out) continue;
    try {
      out[key] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      out[key] = part.slice(eq + 1).trim();
    }
  }
  return out;
}

function sourceOf(raw: RawRequest, where: ParamSpec['in'], cookies: () => Record<string, string>): Record<string, unknown> {
  if (where === 'path') return raw.params;
  if (where === 'query') return raw.query;
  if (where === 'header') return raw.headers;
  return cookies();
}

function fieldOf(e: AjvError): string {
  const missing = e.keyword === 'required' ? String(e.params['missingProperty'] ?? '') : e.keyword === 'additionalProperties' ? String(e.params['additionalProperty'] ?? '') : '';
  const parts = e.instancePath.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (missing !== '') parts.push(missing);
  return parts.join('.');
}

function messageOf(e: AjvError): string {
  if (e.keyword === 'format') return 'must be a valid ' + String(e.params['format']);
  if (e.keyword === 'enum' && Array.isArray(e.params['allowedValues'])) return 'must be one of ' + e.params['allowedValues'].map((v) => JSON.stringify(v)).join(', ');
  return e.message ?? 'is invalid';
}

function check(validate: Validator | undefined, data: unknown, where: string, details: ErrorDetail[]): void {
  if (!validate || validate(data)) return;
  for (const e of validate.errors ?? []) {
    const field = fieldOf(e);
    if (where !== 'body' && field === '') continue;
    details.push({ in: where, field, message: messageOf(e) });
  }
}

/** Picks the declared parameters of one location, split and JSON-parsed as the spec's style says. */
function collectParams(route: RouteSpec, where: ParamSpec['in'], raw: RawRequest, cookies: () => Record<string, string>, details: ErrorDetail[]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const source = sourceOf(raw, where, cookies);
  for (const p of route.params) {
    if (p.in !== where || !Object.prototype.hasOwnProperty.call(source, p.name)) continue;
    let value = source[p.name];
    if (value === undefined) continue;
    if (p.json) {
      try {
        value = JSON.parse(Array.isArray(value) ? String(value[0]) : String(value));
      } catch {
        details.push({ in: where, field: p.name, message: 'must be valid JSON' });
        continue;
      }
    } else if (p.split !== undefined && typeof value === 'string') {
      value = value === '' ? [] : value.split(p.split).map((v) => (p.split === ',' ? v.trim() : v));
    }
    out[p.name] = value;
  }
  return out;
}

function mediaOf(route: RouteSpec, contentType: string): MediaSpec | undefined {
  const media = route.body?.media ?? [];
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    media.find((m) => m.type.toLowerCase() === mime) ??
    media.find((m) => m.kind === 'json' && (mime === 'application/json' || mime.endsWith('+json')) && (m.type.endsWith('json') || m.type.endsWith('*'))) ??
    media.find((m) => m.type.endsWith('/*') && mime.startsWith(m.type.slice(0, -1).toLowerCase())) ??
    media.find((m) => m.type === '*/*')
  );
}

function header(raw: RawRequest, name: string): string | undefined {
  const v = raw.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function credentialsOf(spec: SchemeSpec, scheme: string, scopes: readonly string[], raw: RawRequest, cookies: () => Record<string, string>): Credentials | undefined {
  const auth = header(raw, 'authorization');
  if (spec.type === 'bearer') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth ?? '');
    return m ? { scheme, type: 'bearer', token: m[1]!, scopes } : undefined;
  }
  if (spec.type === 'basic') {
    const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(auth ?? '');
    if (!m) return undefined;
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return { scheme, type: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1), scopes };
  }
  if (spec.type === 'http') return auth === undefined ? undefined : { scheme, type: 'http', token: auth, scopes };
  const name = spec.name ?? '';
  const value = spec.in === 'header' ? header(raw, name) : spec.in === 'cookie' ? cookies()[name] : raw.query[name];
  const token = Array.isArray(value) ? value[0] : value;
  return typeof token === 'string' && token !== '' ? { scheme, type: 'apiKey', token, scopes } : undefined;
}

async function authorize(route: RouteSpec, schemes: Readonly<Record<string, SchemeSpec>>, authenticate: AuthenticateHook, raw: RawRequest, cookies: () => Record<string, string>): Promise<Record<string, unknown>> {
  for (const alternative of route.security ?? []) {
    const principals: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let ok = true;
    for (const req of alternative) {
      const spec = Object.prototype.hasOwnProperty.call(schemes, req.scheme) ? schemes[req.scheme] : undefined;
      const creds = spec ? credentialsOf(spec, req.scheme, req.scopes, raw, cookies) : undefined;
      const principal = creds ? await authenticate(creds, raw) : undefined;
      if (principal === undefined || principal === null || principal === false) {
        ok = false;
        break;
      }
      principals[req.scheme] = principal;
    }
    if (ok) return principals;
  }
  throw new ApiError(401, 'UNAUTHORIZED', 'authentication required', undefined, { 'www-authenticate': 'Bearer' });
}

/**
 * Serves one request: security first, then validation and coercion of every parameter location and the body
 * (all problems reported together), then the handler. Throws ApiError for 400/401/415.
 */
export async function handle(route: RouteSpec, raw: RawRequest, schemes: Readonly<Record<string, SchemeSpec>>, authenticate: AuthenticateHook, requestId: string): Promise<HandlerResult> {
  let jar: Record<string, string> | undefined;
  const cookies = (): Record<string, string> => (jar ??= parseCookies(raw.headers['cookie']));
  const auth = route.security ? await authorize(route, schemes, authenticate, raw, cookies) : {};
  const details: ErrorDetail[] = [];
  const input: Record<string, unknown> = {};
  for (const [where, key] of [['path', 'params'], ['query', 'query'], ['header', 'headers'], ['cookie', 'cookies']] as const) {
    const values = collectParams(route, where, raw, cookies, details);
    check(route.validate[where], values, where, details);
    input[key] = values;
  }
  input['body'] = undefined;
  if (route.body) {
    if (!raw.hasBody) {
      if (route.body.required) details.push({ in: 'body', field: '', message: 'request body is required' });
    } else {
      const media = mediaOf(route, header(raw, 'content-type') ?? '');
      if (!media) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'content-type must be one of ' + route.body.media.map((m) => m.type).join(', '));
      if (media.kind !== 'multipart') {
        check(media.validate, raw.body, 'body', details);
        input['body'] = raw.body;
      }
    }
  }
  if (details.length > 0) throw new ApiError(400, 'VALIDATION_ERROR', 'request validation failed', details);
  const result = await route.handler(input as never, { requestId, auth });
  if (!Number.isInteger(result.status) || result.status < 100 || result.status > 599) throw new Error('handler ' + route.operationId + ' returned an invalid status');
  return result;
}

/** How a body travels: JSON for objects, as-is for strings and bytes, nothing for undefined. */
export function serialize(body: unknown): { payload: string | Uint8Array | undefined; contentType: string | undefined } {
  if (body === undefined) return { payload: undefined, contentType: undefined };
  if (typeof body === 'string') return { payload: body, contentType: 'text/plain; charset=utf-8' };
  if (body instanceof Uint8Array) return { payload: body, contentType: 'application/octet-stream' };
  return { payload: JSON.stringify(body), contentType: 'application/json; charset=utf-8' };
}

/** Parses application/x-www-form-urlencoded text; repeated keys become arrays. Never touches prototypes. */
export function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of new URLSearchParams(text)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** The body every adapter hands to `handle`: parsed by content-type, or absent. */
export interface BodyState {
  body: unknown;
  hasBody: boolean;
}

function tooLarge(): ApiError {
  return new ApiError(413, 'PAYLOAD_TOO_LARGE', 'request body is too large');
}

function invalidBody(message: string): ApiError {
  return new ApiError(400, 'INVALID_BODY', 'request body is not valid for its content-type', [{ in: 'body', field: '', message }]);
}

/** Reads a request's raw bytes, at most `limit` (413 beyond, also when Content-Length says so up front). */
export async function readBytes(stream: AsyncIterable<unknown>, headers: Record<string, string | string[] | undefined>, limit: number): Promise<Uint8Array | undefined> {
  const declared = header({ headers } as RawRequest, 'content-length');
  if (headers['transfer-encoding'] === undefined && (declared === undefined || declared === '0')) return undefined;
  if (declared !== undefined && Number(declared) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw tooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

const INFLATE: Record<string, ((data: Buffer, options: { maxOutputLength: number }) => Buffer) | undefined> = { gzip: gunzipSync, 'x-gzip': gunzipSync, deflate: inflateSync, br: brotliDecompressSync };

/**
 * Decodes raw body bytes the same way on every framework: Content-Encoding gzip/deflate/br (at most
 * `limit` bytes once inflated: 413; not what it claims: 400; any other encoding: 415), then JSON, form,
 * text or bytes by Content-Type. No bytes (or zero) means no body.
 */
export function decodeBody(bytes: Uint8Array | undefined, headers: Record<string, string | string[] | undefined>, limit: number): BodyState {
  if (bytes === undefined || bytes.length === 0) return { body: undefined, hasBody: false };
  let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoding = (header({ headers } as RawRequest, 'content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    const inflate = Object.prototype.hasOwnProperty.call(INFLATE, encoding) ? INFLATE[encoding] : undefined;
    if (!inflate) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'content-encoding must be gzip, deflate, br or identity');
    try {
      data = inflate(data, { maxOutputLength: limit });
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge();
      throw invalidBody('is not valid ' + encoding + ' data');
    }
  }
  const mime = (header({ headers } as RawRequest, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (mime === 'application/json' || mime.endsWith('+json')) {
    try {
      return { body: JSON.parse(data.toString('utf8')) as unknown, hasBody: true };
    } catch {
      throw invalidBody('is not valid JSON');
    }
  }
  if (mime === 'application/x-www-form-urlencoded') return { body: parseForm(data.toString('utf8')), hasBody: true };
  if (mime.startsWith('text/')) return { body: data.toString('utf8'), hasBody: true };
  return { body: new Uint8Array(data), hasBody: true };
}

/** The 400 every target answers for a path with malformed percent-encoding (checked before routing). */
export function checkUrl(url: string): ApiError | undefined {
  const path = url.split('?')[0] ?? '';
  try {
    decodeURIComponent(path);
    return undefined;
  } catch {
    return new ApiError(400, 'INVALID_URL', 'the request URL is not valid', [{ in: 'path', field: '', message: 'has malformed percent-encoding' }]);
  }
}

/** The 404 every target answers for unknown routes. */
export function notFound(method: string, path: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', 'no route for ' + method + ' ' + path);
}

/** The 405 (with Allow) every target answers for a known path with another method. */
export function methodNotAllowed(method: string, allow: readonly string[]): ApiError {
  return new ApiError(405, 'METHOD_NOT_ALLOWED', 'method ' + method + ' is not allowed here', undefined, { allow: allow.join(', ') });
}

/** The 501 a handler stub answers until you implement it. */
export function notImplemented(operation: string): ApiError {
  return new ApiError(501, 'NOT_IMPLEMENTED', operation + ' is not implemented yet');
}
