import { SecurityRulesError } from '../../errors.js';
import type { ProbeOptions, ResolvedProbeOptions } from '../options.js';
import type { ProbeSeverity } from '../report/types.js';
import { isLoopbackHost } from './loopback.js';

const SEVERITIES: readonly ProbeSeverity[] = ['high', 'medium', 'low', 'info'];
const FAMILIES = ['headers', 'cors', 'cookies', 'rate-limit', 'validation', 'graphql'] as const;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Checks every option and applies the defaults; throws `SECRULES_INVALID_OPTION` / `SECRULES_PROBE_REMOTE_TARGET`. */
export function resolveProbeOptions(options: ProbeOptions): ResolvedProbeOptions {
  const base = parseTarget(options.url, options.allowRemote === true);
  const failOn = options.failOn ?? 'high';
  if (!SEVERITIES.includes(failOn)) invalid(`failOn must be one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(failOn)}`);
  for (const family of options.only ?? []) {
    if (!(FAMILIES as readonly string[]).includes(family)) invalid(`unknown probe family ${JSON.stringify(family)} (one of ${FAMILIES.join(', ')})`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!HEADER_NAME.test(name)) invalid(`header name ${JSON.stringify(name)} is not a valid HTTP token`);
    if (/[\r\n\0]/.test(value)) invalid(`header ${name} has a line break or NUL in its value`);
    headers[name.toLowerCase()] = value;
  }
  return {
    base,
    spec: options.spec,
    login: options.login === undefined ? undefined : routePath(options.login, 'login'),
    rateLimitRoute: options.rateLimitRoute === undefined ? undefined : parseRoute(options.rateLimitRoute),
    loginBody: options.loginBody,
    burst: bounded('burst', options.burst, 60, 1, 1000),
    burstConcurrency: bounded('burstConcurrency', options.burstConcurrency, 4, 1, 64),
    headers,
    timeoutMs: bounded('timeoutMs', options.timeoutMs, 5000, 100, 60_000),
    maxTimeMs: bounded('maxTimeMs', options.maxTimeMs, 120_000, 1000, 600_000),
    oversizedBytes: bounded('oversizedBytes', options.oversizedBytes, 2 * 1024 * 1024 + 1024, 1024, 16 * 1024 * 1024),
    maxOperations: bounded('maxOperations', options.maxOperations, 50, 1, 500),
    allowRemote: options.allowRemote === true,
    failOn,
    families: families(options),
    graphql: options.graphql,
  };
}

function families(options: ProbeOptions): Set<string> {
  const set = new Set<string>(options.only ?? FAMILIES);
  if (options.graphql === true) set.add('graphql');
  if (options.graphql === false) set.delete('graphql');
  return set;
}

function parseTarget(raw: string, allowRemote: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    invalid(`target ${JSON.stringify(raw)} is not a URL (expected e.g. http://127.0.0.1:3000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') invalid(`target ${raw} must be http:// or https://`);
  if (url.username || url.password) invalid('target URL must not carry credentials; pass them with a header');
  if (!allowRemote && !isLoopbackHost(url.hostname)) {
    throw new SecurityRulesError(
      'SECRULES_PROBE_REMOTE_TARGET',
      `refusing to probe ${url.host}: not a loopback address (use 127.0.0.1, [::1] or localhost, or pass --allow-remote for a host you own)`,
    );
  }
  url.hash = '';
  return url;
}

function routePath(raw: string, what: string): string {
  if (!raw.startsWith('/') || raw.startsWith('//')) invalid(`${what} route ${JSON.stringify(raw)} must be a path starting with / (e.g. /auth/login)`);
  if (/[\s\0]/.test(raw)) invalid(`${what} route ${JSON.stringify(raw)} has whitespace in it`);
  return raw;
}

function parseRoute(raw: string): { method: string; path: string } {
  const match = /^(?:([A-Za-z]+)\s+)?(\S+)$/.exec(raw.trim());
  if (!match?.[2]) invalid(`route ${JSON.stringify(raw)} must look like "/path" or "POST /path"`);
  return { method: (match[1] ?? 'GET').toUpperCase(), path: routePath(match[2], 'rate-limit') };
}

function bounded(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) invalid(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

function invalid(message: string): never {
  throw new SecurityRulesError('SECRULES_INVALID_OPTION', message);
}
