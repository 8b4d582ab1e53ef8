import { Node } from 'ts-morph';
import type { ScanConfig } from '../config/scan-config.js';
import { refOf } from '../symbols/module-ref.js';
import { followConst } from '../symbols/declarations.js';
import type { Middleware, MiddlewareKind } from './types.js';

const MODULE_KINDS: Record<string, MiddlewareKind> = {
  'express-rate-limit': 'rate-limit', 'rate-limiter-flexible': 'rate-limit', 'express-slow-down': 'rate-limit',
  'express-brute': 'rate-limit', 'koa-ratelimit': 'rate-limit', 'koa2-ratelimit': 'rate-limit',
  '@fastify/rate-limit': 'rate-limit', 'fastify-rate-limit': 'rate-limit',
  passport: 'auth', 'koa-passport': 'auth', 'express-jwt': 'auth', 'koa-jwt': 'auth', 'express-basic-auth': 'auth',
  '@fastify/auth': 'auth', '@fastify/basic-auth': 'auth', '@fastify/bearer-auth': 'auth', 'express-openid-connect': 'auth',
  celebrate: 'validation', 'express-validator': 'validation', 'express-joi-validation': 'validation',
  'zod-express-middleware': 'validation', 'express-zod-safe': 'validation', 'express-openapi-validator': 'validation',
  helmet: 'helmet', '@fastify/helmet': 'helmet', 'koa-helmet': 'helmet',
  cors: 'cors', '@fastify/cors': 'cors', '@koa/cors': 'cors',
  // Session stores load a session for every request; they refuse none (their names must not read as auth).
  'express-session': 'other', 'cookie-session': 'other', 'koa-session': 'other', '@fastify/session': 'other', '@fastify/secure-session': 'other',
};

/** `passport.initialize()` and `passport.session()` load a user when there is one; only `authenticate()`/`authorize()` refuse a request. */
const setupOnly = (module: string, path: readonly string[]): boolean =>
  (module === 'passport' || module === 'koa-passport') && !['authenticate', 'authorize'].includes(path.filter((s) => s !== 'default')[0] ?? '');

const LIMIT_NAME = /rate.?limit|limiter|throttl|slow.?down/i;
const AUTH_NAME = /auth|jwt|session|log(?:ged)?.?in.?required|require.?(?:user|login|admin|role|session)|ensure.?(?:user|log)|protect|is.?logged|verify.?token|guard|bearer|passport/i;
const VALID_NAME = /valid|schema|celebrate/i;

const lastSegment = (text: string): string => text.split(/[.(]/).filter(Boolean).at(-1) ?? text;
const nameOf = (n: Node): string => {
  const t = Node.isCallExpression(n) ? n.getExpression().getText() : n.getText();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
};

/** Classifies a middleware expression by the module it comes from, declared names, then its name. */
export function classifyMiddleware(node: Node, config: ScanConfig): Middleware {
  const kinds = new Set<MiddlewareKind>();
  const ref = refOf(node) ?? (Node.isIdentifier(node) ? refOf(followConst(node) ?? node) : undefined);
  const modKind = ref ? (setupOnly(ref.module, ref.path) ? 'other' : MODULE_KINDS[ref.module]) : undefined;
  if (modKind) kinds.add(modKind);
  const name = nameOf(node);
  const last = lastSegment(name);
  const declared = (list: readonly string[]): boolean => list.includes(name) || list.includes(last);
  if (declared(config.limiters)) kinds.add('rate-limit');
  if (declared(config.auth)) kinds.add('auth');
  if (declared(config.validators)) kinds.add('validation');
  if (kinds.size === 0) {
    if (LIMIT_NAME.test(name)) kinds.add('rate-limit');
    else if (AUTH_NAME.test(name)) kinds.add('auth');
    else if (VALID_NAME.test(name)) kinds.add('validation');
  }
  if (kinds.size === 0) kinds.add('other');
  const text = node.getText().replace(/\s+/g, ' ');
  return { node, kinds, label: text.length > 60 ? `${text.slice(0, 57)}...` : text };
}
