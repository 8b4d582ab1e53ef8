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
}

/** The defaults: nothing declared, auth routes are login/signup/token/password-reset paths. */
export const DEFAULT_CONFIG: ScanConfig = {
  sanitizers: [],
  limiters: [],
  auth: [],
  validators: [],
  authRoutes: '(?:^|/)(?:log-?in|sign-?in|sign-?up|register|token|refresh|password|reset|forgot|otp|2fa|mfa|verify)(?:/|$)|/auth(?:/|$)',
};

const LIST_KEYS = ['sanitizers', 'limiters', 'auth', 'validators'] as const;

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
  if (obj['authRoutes'] !== undefined) {
    if (typeof obj['authRoutes'] !== 'string') throw new SecurityRulesError('SECRULES_CONFIG_INVALID', `${path}: "authRoutes" must be a string`);
    try {
      RegExp(obj['authRoutes']);
    } catch {
      throw new SecurityRulesError('SECRULES_CONFIG_INVALID', `${path}: "authRoutes" is not a valid regular expression`);
    }
    out['authRoutes'] = obj['authRoutes'];
  }
  return out as unknown as ScanConfig;
}
