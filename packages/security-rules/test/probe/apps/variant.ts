import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** How a test app is configured: each switch turns one protection on. */
export interface Variant {
  /** helmet / @fastify/helmet / koa-helmet. */
  readonly helmet?: boolean;
  /** A limiter on POST /auth/login (5 per minute). */
  readonly limiter?: boolean;
  /** Schema validation of POST /users and a body size limit; a generic error handler. */
  readonly validation?: boolean;
  /** CORS behaviour: reflect any Origin with credentials, `*` with credentials, or an allow-list. */
  readonly cors?: 'reflect-credentials' | 'wildcard-credentials' | 'allow-list';
  /** Session cookie flags on login: none, or HttpOnly+Secure+SameSite=Lax. */
  readonly cookie?: 'bare' | 'hardened';
  /** What GET / serves. */
  readonly root?: 'html' | 'json';
  /** Set-Cookie headers GET / sends (for the Observatory's cookie test). */
  readonly rootCookies?: readonly string[];
  /** HTML GET / serves instead of the default page (Express only). */
  readonly rootHtml?: string;
  /** Extra headers GET / sends (e.g. a hand-written CSP). */
  readonly rootHeaders?: Readonly<Record<string, string>>;
}

/** A running test app on 127.0.0.1 and a way to stop it. */
export interface RunningApp {
  readonly url: string;
  close(): Promise<void>;
}

export const ALLOWED_ORIGIN = 'https://app.example.com';
export const PAGE = '<!doctype html><html><head><title>t</title></head><body><h1>hello</h1></body></html>';

/** Listens on 127.0.0.1 port 0 and resolves with the URL. */
export async function listen(server: Server): Promise<RunningApp> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The CORS headers a variant answers `origin` with (null when it sends none). */
export function corsHeaders(variant: Variant, origin: string | undefined): Record<string, string> | null {
  if (!origin || !variant.cors) return null;
  if (variant.cors === 'reflect-credentials') return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
  if (variant.cors === 'wildcard-credentials') return { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' };
  return origin === ALLOWED_ORIGIN ? { 'access-control-allow-origin': origin, vary: 'Origin' } : null;
}

/** Hand-written validation of POST /users: name string, age integer, email string; nothing else. */
export function validateUser(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body must be an object';
  const b = body as Record<string, unknown>;
  if (typeof b['name'] !== 'string') return 'name must be a string';
  if (b['age'] !== undefined && !Number.isInteger(b['age'])) return 'age must be an integer';
  if (typeof b['email'] !== 'string') return 'email must be a string';
  const extra = Object.keys(b).filter((k) => !['name', 'age', 'email'].includes(k));
  if (extra.length) return `unknown field ${extra[0]}`;
  return null;
}

export const COOKIE_BARE = 'sid=abc123; Path=/';
export const COOKIE_HARDENED = 'sid=abc123; Path=/; HttpOnly; Secure; SameSite=Lax';
