import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SecurityRulesError } from '../../errors.js';

/**
 * Project-specific knowledge, read from `.sb-security.json` (or `--config`). Every entry is a function or
 * middleware name as written at the call site (`escapeSql`, `limits.login`) or its last segment.
 */
export interface ScanConfig {
  /** Functions whose return value is safe request data (custom validators, escapers). */
  readonly sanitizers: readonly string[];
  /** Middleware that rate-limits (besides express-rate-limit, @fastify/rate-limit, koa-ratelimit, …). */
  readonly limiters: readonly string[];
  /** Middleware that authenticates (besides passport, express-jwt, koa-jwt, names like `requireAuth`). */
  readonly auth: readonly string[];
  /** Middleware that validates the request body (besides celebrate, express-validator, …). */
  readonly validators: readonly string[];
  /** Route paths (regex source) that count as authentication routes for `missing-rate-limit`. */
  readonly authRoutes: string;
  /**
   * Routes that are public by design (regex sources, matched against `/path` and `METHOD /path`):
   * `missing-auth` and the authorization rules do not report them.
   */
  readonly publicRoutes: readonly string[];
  /**
   * Folders (regex source matched against the path relative to the root) that hold test code: secrets found
   * there are reported at most as `low`. Default: test, tests, __tests__, spec, fixtures, mocks, e2e, cypress.
   */
  readonly testPaths: string;
}

/** The defaults: nothing declared, auth routes are login/signup/token/password-reset paths. */
export const DEFAULT_CONFIG: ScanConfig = {
  sanitizers: [],
  limiters: [],
  auth: [],
  validators: [],
  authRoutes: '(?:^|/)(?:log-?in|sign-?in|sign-?up|register|token|refresh|password|reset|forgot|otp|2fa|mfa|verify)(?:/|$)|/auth(?:/|$)',
  publicRoutes: [],
  testPaths: '(?:^|/)(?:tests?|__tests__|__mocks__|spec|specs|fixtures?|mocks?|e2e|cypress|testdata|test-utils)(?:/|$)|\\.(?:test|spec)\\.[cm]?[jt]sx?$',
};

const LIST_KEYS = ['sanitizers', 'limiters', 'auth', 'validators', 'publicRoutes'] as const;
const REGEX_KEYS = ['authRoutes', 'testPaths'] as const;

/** Reads and validates a config file; a missing default file is fine, a missing explicit one is an error. */
export function loadScanConfig(root: string, explicit?: string): ScanConfig {
  const path = explicit ?? join(root, '.sb-security.json');
  if (!existsSync(path)) {
    if (explicit !== undefined) throw new SecurityRulesError('SECRULES_CONFIG_INVALID', `config file not found: ${explicit}`);
    return DEFAULT_CONFIG;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SecurityRulesError('SECRULES_CONFIG_INVALID', `${path}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SecurityRulesError('SECRULES_CONFIG_INVALID', `${path}: expected a JSON object`);
  }
  const obj = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const key of LIST_KEYS) {
    const v = obj[key];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      throw new SecurityRulesError('SECRULES_CONFIG_INVALID', `${path}: "${key}" must be an array of strings`);
    }
    out[key] = v;
  }
  for (const key of REGEX_KEYS) {
    const v = obj[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new SecurityRulesError('SECRULES_CONFIG_INVALID', `${path}: "${key}" must be a string`);
    checkRegex(path, key, v);
    out[key] = v;
  }
  for (const re of (out['publicRoutes'] as string[])) checkRegex(path, 'publicRoutes', re);
  return out as unknown as ScanConfig;
}

function checkRegex(path: string, key: string, source: string): void {
  try {
    RegExp(source);
  } catch {
    throw new SecurityRulesError('SECRULES_CONFIG_INVALID', `${path}: "${key}" has an invalid regular expression: ${source}`);
  }
}
