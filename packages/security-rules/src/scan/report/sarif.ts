import { relative } from 'node:path';
import type { Finding, Location, RuleMeta, Severity } from '../model/finding.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
const PRECISION = { 'taint-confirmed': 'high', 'type-narrowed': 'medium', pattern: 'low' } as const;

const physical = (l: Location) => ({
  artifactLocation: { uri: l.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
  region: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn, snippet: { text: l.snippet } },
});

/** A SARIF 2.1.0 log of findings: rule metadata with CWE tags, code flows (source → sink) and fixes. */
export function toSarif(findings: readonly Finding[], rules: readonly RuleMeta[], root: string, version = '0.0.0'): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
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
      originalUriBaseIds: { '%SRCROOT%': { uri: `file://${root.split('\\').join('/')}/` } },
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
              artifactLocation: { uri: relative(root, file).split('\\').join('/'), uriBaseId: '%SRCROOT%' },
              replacements: f.fix?.edits.filter((e) => e.file === file).map((e) => ({ deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.text } })),
            })),
          }],
        } : {}),
      })),
    }],
  };
}
