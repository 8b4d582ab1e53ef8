import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Finding, Location, RuleMeta, Severity } from '../model/finding.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
const PRECISION = { 'taint-confirmed': 'high', 'type-narrowed': 'medium', pattern: 'low' } as const;

/**
 * The repository root above a folder (the nearest one holding `.git`), or undefined outside a repository.
 * GitHub code scanning resolves relative SARIF URIs against the repository root, so paths must start there.
 */
export function findRepositoryRoot(dir: string): string | undefined {
  for (let cur = resolve(dir), i = 0; i < 64; i++) {
    if (existsSync(join(cur, '.git'))) return cur;
    const up = dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
  return undefined;
}

/** A repository-relative URI reference: forward slashes, each segment percent-encoded. */
const uriOf = (base: string, file: string): string =>
  relative(base, file).split(/[\\/]/).map((seg) => encodeURIComponent(seg)).join('/');

const fileUri = (dir: string): string => `file://${dir.split('\\').join('/').split('/').map((s) => encodeURIComponent(s)).join('/').replace(/^(?!\/)/, '/')}/`;

/**
 * A SARIF 2.1.0 log of findings: rule metadata with CWE tags, code flows (source → sink) and fixes.
 *
 * Every `artifactLocation.uri` is relative to the repository root (`repositoryRoot`, default: the nearest
 * folder above `root` that holds `.git`, else `root`) with `uriBaseId: "%SRCROOT%"`, and `%SRCROOT%` is given in
 * `originalUriBaseIds`: so a subfolder scanned from a repository (`sb security scan services/api/src`) uploads
 * to GitHub code scanning with paths that map to the repository's files.
 */
export function toSarif(findings: readonly Finding[], rules: readonly RuleMeta[], root: string, version = '0.0.0', repositoryRoot = findRepositoryRoot(root) ?? root): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const base = resolve(repositoryRoot);
  const abs = (file: string): string => (isAbsolute(file) ? file : join(root, file));
  const physical = (l: Location) => ({
    artifactLocation: { uri: uriOf(base, abs(l.file)), uriBaseId: '%SRCROOT%' },
    region: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn, snippet: { text: l.snippet } },
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'sb-security-scan',
          informationUri: 'https://github.com/sb/sb/tree/main/docs/rules',
          semanticVersion: version,
          rules: rules.map((r) => ({
            id: r.id,
            name: r.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()),
            shortDescription: { text: r.title },
            fullDescription: { text: r.description },
            helpUri: `https://github.com/sb/sb/blob/main/docs/rules/${r.id}.md`,
            help: { text: r.description },
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: {
              tags: ['security', ...r.cwe.map((c) => `external/cwe/cwe-${c}`), `external/owasp/${r.owasp.split('-')[0] ?? r.owasp}`],
              precision: PRECISION[r.confidence],
              'security-severity': SECURITY_SEVERITY[r.severity],
            },
          })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: fileUri(base) } },
      results: findings.map((f) => ({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId) ?? -1,
        level: LEVEL[f.severity],
        message: { text: f.route ? `${f.message} [${f.route}]` : f.message },
        locations: [{ physicalLocation: physical(f.location) }],
        partialFingerprints: { 'sbFingerprint/v1': f.fingerprint },
        properties: { confidence: f.confidence, severity: f.severity, ...(f.route ? { route: f.route } : {}) },
        ...(f.flow ? { codeFlows: [{ threadFlows: [{ locations: f.flow.map((s, i) => ({ location: { physicalLocation: physical(s.location), message: { text: s.message } }, executionOrder: i + 1 })) }] }] } : {}),
        ...(f.fix ? {
          fixes: [{
            description: { text: f.fix.description },
            artifactChanges: [...new Set(f.fix.edits.map((e) => e.file))].map((file) => ({
              artifactLocation: { uri: uriOf(base, abs(file)), uriBaseId: '%SRCROOT%' },
              replacements: f.fix?.edits.filter((e) => e.file === file).map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })),
            })),
          }],
        } : {}),
      })),
    }],
  };
}
