import { existsSync, readFileSync } from 'node:fs';
import { SecurityRulesError } from '../../errors.js';
import type { Finding } from '../model/finding.js';

/** The baseline file: findings accepted at some point, so CI fails only on new ones. */
export interface Baseline {
  readonly version: 1;
  readonly findings: readonly { ruleId: string; file: string; fingerprint: string; message: string }[];
}

/** Reads a baseline file; undefined when it does not exist yet (it is written by `--update-baseline`). */
export function readBaseline(path: string): Baseline | undefined {
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SecurityRulesError('SECRULES_BASELINE_INVALID', `${path}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const b = raw as Partial<Baseline>;
  if (b.version !== 1 || !Array.isArray(b.findings) || b.findings.some((f) => typeof f?.fingerprint !== 'string')) {
    throw new SecurityRulesError('SECRULES_BASELINE_INVALID', `${path}: expected {"version":1,"findings":[{"fingerprint":…}]}`);
  }
  return b as Baseline;
}

/** A baseline that accepts the given findings. */
export function toBaseline(findings: readonly Finding[]): Baseline {
  return {
    version: 1,
    findings: findings.map((f) => ({ ruleId: f.ruleId, file: f.location.file, fingerprint: f.fingerprint, message: f.message })),
  };
}

/** Splits findings into new ones and ones already in the baseline. */
export function splitByBaseline(findings: readonly Finding[], baseline: Baseline | undefined): { fresh: Finding[]; known: Finding[] } {
  if (!baseline) return { fresh: [...findings], known: [] };
  const keys = new Set(baseline.findings.map((f) => f.fingerprint));
  return { fresh: findings.filter((f) => !keys.has(f.fingerprint)), known: findings.filter((f) => keys.has(f.fingerprint)) };
}
