import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import security from 'eslint-plugin-security';

/** One eslint-plugin-security finding, with the rule of ours it claims to cover (if any). */
export interface PeerFinding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly mapped: string | undefined;
}

/** eslint-plugin-security rule → the @sb/security-rules rule it corresponds to. */
export const PEER_MAP: Record<string, string> = {
  'security/detect-child-process': 'command-injection',
  'security/detect-non-literal-fs-filename': 'path-traversal',
  'security/detect-eval-with-expression': 'code-injection',
  'security/detect-non-literal-regexp': 'regex-injection',
  'security/detect-unsafe-regex': 'redos',
  'security/detect-object-injection': 'prototype-pollution',
  'security/detect-pseudoRandomBytes': 'insecure-random',
};

/** Runs eslint-plugin-security's recommended config (TypeScript parsed by @typescript-eslint/parser) over files. */
export async function runPeer(cwd: string, patterns: string[]): Promise<{ findings: PeerFinding[]; files: number }> {
  const recommended = (security as unknown as { configs: { recommended: { rules: Record<string, unknown> } } }).configs.recommended.rules;
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{
      files: ['**/*.ts', '**/*.js'],
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { security: security as never },
      rules: recommended as never,
    }],
  });
  const results = await eslint.lintFiles(patterns);
  const findings: PeerFinding[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      if (!m.ruleId) continue;
      findings.push({ file: r.filePath, line: m.line, rule: m.ruleId, mapped: PEER_MAP[m.ruleId] });
    }
  }
  return { findings, files: results.length };
}
