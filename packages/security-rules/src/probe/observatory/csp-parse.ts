/**
 * Content-Security-Policy parsing as the MDN HTTP Observatory (algorithm v4) does it, so our score matches
 * theirs: directives lower-cased, sources lower-cased, an empty `*-src` means `'none'`, a repeated directive
 * makes the policy invalid (except `report-uri`/`report-to`), and several policies are intersected.
 */

/** Parsed policy: directive → sources. `duplicateReports` is true when report-uri/report-to was repeated. */
export interface ParsedCsp {
  readonly directives: Map<string, Set<string>>;
  readonly duplicateReports: boolean;
}

const SHORTEST_DIRECTIVE_LENGTH = 'img-src'.length - 1;
const ALLOWED_DUPLICATES = new Set(['report-uri', 'report-to']);
const compare = new Intl.Collator('en').compare;

interface Source {
  readonly source: string;
  readonly index: number;
  keep: boolean;
}

/** Parses one or more policies; throws on an invalid one (the caller maps that to `csp-header-invalid`). */
export function parseCsp(policies: readonly string[]): ParsedCsp {
  const clean = policies.map((p) => p.replace(/[\r\n]/g, '').trim());
  if (clean.length === 0) return { directives: new Map(), duplicateReports: false };
  for (const policy of clean) {
    if (!policy || policy.length < SHORTEST_DIRECTIVE_LENGTH) throw new Error(`invalid policy: ${policy}`);
  }
  const csp = new Map<string, Source[]>();
  let duplicateReports = false;
  for (const [index, policy] of clean.entries()) {
    const seen = new Set<string>();
    for (const [head, ...values] of policy.split(';').map((entry) => entry.trim().split(/\s+/))) {
      if (!head) continue;
      const directive = head.toLowerCase();
      if (seen.has(directive)) {
        if (!ALLOWED_DUPLICATES.has(directive)) throw new Error(`duplicate directive ${directive}`);
        duplicateReports = true;
      }
      seen.add(directive);
      const keep = index === 0;
      const sources: Source[] = values.map((raw) => ({ source: raw.trim().toLocaleLowerCase(), index, keep }));
      if (values.length === 0 && directive.endsWith('-src')) sources.push({ source: "'none'", index, keep });
      const combined = index === 0 ? sources : [...(csp.get(directive) ?? []), ...sources];
      combined.sort((a, b) => compare(a.source, b.source));
      markRedundant(combined);
      csp.set(directive, combined.filter((s) => s.keep));
      if (index === 0 && clean.length > 1) for (const s of csp.get(directive) ?? []) s.keep = false;
    }
  }
  const directives = new Map<string, Set<string>>();
  for (const [directive, sources] of csp) {
    directives.set(directive, sources.length ? new Set(sources.map((s) => s.source)) : new Set(["'none'"]));
  }
  return { directives, duplicateReports };
}

function markRedundant(combined: Source[]): void {
  for (let i = 1; i < combined.length; i++) {
    const source = combined[i] as Source;
    const prev = combined[i - 1] as Source;
    if (source.index === prev.index && source.source.startsWith(prev.source)) source.keep = false;
    if (source.index !== prev.index && pathPartMatch(prev.source, source.source)) source.keep = true;
  }
}

function pathPartMatch(a: string, b: string): boolean {
  if (a.length === 0) return true;
  if (a === '/' && b.length === 0) return true;
  const exact = !a.endsWith('/');
  const partsA = a.split('/');
  const partsB = b.split('/');
  if (partsA.length > partsB.length) return false;
  if (exact && partsA.length !== partsB.length) return false;
  if (!exact) partsA.pop();
  return partsA.every((piece, i) => safeDecode(piece) === safeDecode(partsB[i] ?? ''));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
