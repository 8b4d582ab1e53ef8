import { parseCsp, type ParsedCsp } from './csp-parse.js';

const BROAD = new Set(['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const BROAD_OR_INLINE = new Set([...BROAD, "'unsafe-inline'", 'data:']);
const PASSIVE = new Set(['img-src', 'media-src']);
const NONCE_HASH = ["'sha256-", "'sha384-", "'sha512-", "'nonce-"];

/** The Observatory's CSP verdict plus what our own content-type-aware rules need. */
export interface CspVerdict {
  readonly result: string;
  readonly pass: boolean;
  /** Parsed directives; undefined when there is no (valid) policy. */
  readonly directives: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  readonly unsafeInline: boolean;
  readonly unsafeEval: boolean;
  /** `frame-ancestors` present and not broad. */
  readonly antiClickjacking: boolean;
}

const PASSING = new Set([
  'csp-implemented-with-no-unsafe',
  'csp-implemented-with-no-unsafe-default-src-none',
  'csp-implemented-with-unsafe-inline-in-style-src-only',
  'csp-implemented-with-insecure-scheme-in-passive-content-only',
]);

/**
 * The Observatory v4 CSP test on the `Content-Security-Policy` header values of one response and, for HTML,
 * the policies of its `<meta http-equiv>` tags (where `frame-ancestors`, `report-uri` and `sandbox` do not count).
 */
export function cspTest(headers: readonly string[], meta: readonly string[], reportOnly: string | undefined, https: boolean): CspVerdict {
  const none = { directives: undefined, unsafeInline: false, unsafeEval: false, antiClickjacking: false, pass: false };
  let parsed: ParsedCsp;
  try {
    parsed = parseCsp([...headers, ...meta]);
  } catch {
    return { ...none, result: 'csp-header-invalid' };
  }
  const csp = parsed.directives;
  const headerOnly = parseOrEmpty(headers);
  const metaOnly = parseOrEmpty(meta);
  for (const directive of ['frame-ancestors', 'report-uri', 'sandbox']) metaOnly.delete(directive);
  if (headerOnly.size + metaOnly.size === 0) return { ...none, result: reportOnly ? 'csp-not-implemented-but-reporting-enabled' : 'csp-not-implemented' };

  const get = (name: string): Set<string> | undefined => csp.get(name);
  const star = (): Set<string> => new Set(['*']);
  const frameAncestors = headerOnly.get('frame-ancestors') ?? star();
  const objectSrc = get('object-src') ?? get('default-src') ?? star();
  const scriptSrc = new Set(get('script-src') ?? get('default-src') ?? star());
  const styleSrc = new Set(get('style-src') ?? get('default-src') ?? star());
  for (const list of [scriptSrc, styleSrc]) if (hasNonceOrHash(list)) list.delete("'unsafe-inline'");

  let result: string | undefined;
  const set = (r: string): void => {
    result ??= r;
  };
  if (hasNonceOrHash(scriptSrc) && scriptSrc.has("'strict-dynamic'")) {
    for (const s of [...scriptSrc]) {
      if ([...BROAD].some((b) => s.startsWith(b)) || s === "'self'" || s === "'unsafe-inline'") scriptSrc.delete(s);
    }
  } else if (scriptSrc.has("'strict-dynamic'")) set('csp-header-invalid');

  const active = [...csp.entries()].filter(([d]) => !PASSIVE.has(d) && d !== 'script-src').flatMap(([, s]) => [...s]);
  active.push(...scriptSrc);
  const passive = [...PASSIVE].flatMap((d) => [...(get(d) ?? get('default-src') ?? [])]);
  const insecure = (s: string): boolean => s.startsWith('http:') || s.startsWith('ftp:');

  const unsafeInline = [...scriptSrc].some((s) => BROAD_OR_INLINE.has(s)) || [...objectSrc].some((s) => BROAD.has(s));
  if (unsafeInline) set('csp-implemented-with-unsafe-inline');
  if (https && active.some(insecure)) set('csp-implemented-with-insecure-scheme');
  const unsafeEval = scriptSrc.has("'unsafe-eval'") || styleSrc.has("'unsafe-eval'");
  if (unsafeEval) set('csp-implemented-with-unsafe-eval');
  if (https && passive.some(insecure)) set('csp-implemented-with-insecure-scheme-in-passive-content-only');
  if ([...styleSrc].some((s) => BROAD_OR_INLINE.has(s))) set('csp-implemented-with-unsafe-inline-in-style-src-only');
  const defaultSrc = get('default-src');
  if (defaultSrc?.has("'none'") && defaultSrc.size === 1) set('csp-implemented-with-no-unsafe-default-src-none');
  else set('csp-implemented-with-no-unsafe');

  let final = result ?? 'csp-implemented-with-no-unsafe';
  const pass = PASSING.has(final);
  if (pass && parsed.duplicateReports) final = 'csp-implemented-but-duplicate-directives';
  return {
    result: final,
    pass,
    directives: csp,
    unsafeInline,
    unsafeEval,
    antiClickjacking: headerOnly.has('frame-ancestors') && ![...frameAncestors].some((s) => BROAD.has(s)),
  };
}

function hasNonceOrHash(sources: ReadonlySet<string>): boolean {
  return [...sources].some((s) => NONCE_HASH.some((p) => s.startsWith(p)));
}

function parseOrEmpty(policies: readonly string[]): Map<string, Set<string>> {
  try {
    return parseCsp(policies).directives;
  } catch {
    return new Map();
  }
}
