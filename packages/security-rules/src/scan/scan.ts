import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { RunControl } from '@sb/errors';
import { yieldAndCheck } from '../abort.js';
import { loadScanConfig } from './config/scan-config.js';
import { RuleContext } from './engine/context.js';
import { NodeIndex } from './project/node-index.js';
import { runRules } from './engine/run-rules.js';
import { SecurityRulesError } from '../errors.js';
import { SEVERITY_ORDER, type Finding, type RuleMeta } from './model/finding.js';
import { loadProject, type ParseProblem } from './project/load-project.js';
import { readBaseline, splitByBaseline } from './report/baseline.js';
import { applySuppressions, type SuppressionProblem } from './report/suppressions.js';
import { buildRouteModel } from './routes/build-route-model.js';
import { routeLabel } from './routes/types.js';
import { RULES } from './rules/registry.js';

/** Options of {@link scan}. */
export interface ScanOptions {
  /** Files or directories to scan. */
  readonly paths: readonly string[];
  /** tsconfig to use; default: the nearest `tsconfig.json` at or above the first path. */
  readonly tsconfig?: string;
  /** Config file (sanitizers, limiters, auth middleware); default `<root>/.sb-security.json` if present. */
  readonly config?: string;
  /** Baseline file: findings listed there are reported as `baselined`, not `findings`. */
  readonly baseline?: string;
  /** Only run these rule ids. */
  readonly rules?: readonly string[];
}

/** One route of the route model, for reports. */
export interface RouteSummary {
  readonly route: string;
  readonly framework: string;
  readonly file: string;
  readonly line: number;
  readonly chain: readonly string[];
}

/** What {@link scan} returns. Findings are data, not errors: the caller decides what fails. */
export interface ScanResult {
  readonly root: string;
  readonly tsconfig: string | undefined;
  readonly filesScanned: number;
  readonly durationMs: number;
  readonly rules: readonly RuleMeta[];
  /** Findings of every confidence, minus suppressed and baselined ones. */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly (Finding & { reason: string })[];
  readonly baselined: readonly Finding[];
  /** Files that could not be parsed (the scan went on without them). */
  readonly parseErrors: readonly ParseProblem[];
  readonly suppressionProblems: readonly SuppressionProblem[];
  readonly routes: readonly RouteSummary[];
}

/** Rules about secrets written in code: in tests, fixtures and mocks such values are test data. */
const SECRET_RULES = new Set(['hardcoded-secret', 'jwt-hardcoded-secret', 'jwt-weak-secret']);

/** A secret finding in test code (config `testPaths`; an empty string turns this off) is reported at most as low. */
function inTestCode(f: Finding, testPaths: string): Finding {
  if (testPaths === '' || !SECRET_RULES.has(f.ruleId) || !new RegExp(testPaths).test(f.location.file.split('\\').join('/'))) return f;
  const severity = SEVERITY_ORDER.indexOf(f.severity) > SEVERITY_ORDER.indexOf('low') ? 'low' : f.severity;
  return { ...f, severity, message: `${f.message} (in test code)` };
}

/**
 * Scans a Node backend (TypeScript or JavaScript) for security problems.
 *
 * `control.onProgress` gets `load`, `routes`, then one `rules` event per rule (`done`/`total`); aborting
 * `control.signal` rejects with `SECRULES_ABORTED` at the next phase or rule.
 *
 * @example
 * ```ts
 * import { scan, evaluateGate } from '@sb/security-rules';
 * const result = await scan({ paths: ['src'] }, { onProgress: (p) => console.error(p.message) });
 * for (const f of result.findings) console.log(f.ruleId, f.location.file, f.location.line, f.message);
 * if (evaluateGate(result.findings, { failOn: 'high' }).failed) process.exitCode = 1;
 * ```
 */
export async function scan(options: ScanOptions, control: RunControl = {}): Promise<ScanResult> {
  const started = performance.now();
  const rules = options.rules ? RULES.filter((r) => options.rules?.includes(r.meta.id)) : RULES;
  const unknown = options.rules?.filter((id) => !RULES.some((r) => r.meta.id === id)) ?? [];
  if (unknown.length > 0) throw new SecurityRulesError('SECRULES_INVALID_OPTION', `unknown rule: ${unknown.join(', ')}`);
  const progress = control.onProgress ?? (() => undefined);
  progress({ phase: 'load', message: `loading ${options.paths.join(', ')}` });
  await yieldAndCheck(control.signal, 'scan');
  const loaded = loadProject(options.paths, options.tsconfig);
  const config = loadScanConfig(loaded.root, options.config);
  const baseline = options.baseline ? readBaseline(options.baseline) : undefined;
  await yieldAndCheck(control.signal, 'scan');
  progress({ phase: 'routes', message: `building the route model of ${loaded.files.length} files` });
  const nodes = new NodeIndex(loaded.files);
  const routes = buildRouteModel(nodes, config);
  const ctx = new RuleContext(loaded.project, loaded.files, config, routes, nodes);
  const raw = await runRules(rules, ctx, loaded.root, control);
  const read = (file: string): string | undefined => {
    const abs = isAbsolute(file) ? file : join(loaded.root, file);
    return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  };
  const { kept, suppressed, problems } = applySuppressions(raw.map((f) => inTestCode(f, config.testPaths)), read);
  const { fresh, known } = splitByBaseline(kept, baseline);
  return {
    root: loaded.root,
    tsconfig: loaded.tsconfig,
    filesScanned: loaded.files.length,
    durationMs: Math.round(performance.now() - started),
    rules: rules.map((r) => r.meta),
    findings: fresh,
    suppressed,
    baselined: known,
    parseErrors: loaded.problems,
    suppressionProblems: problems,
    routes: routes.routes.map((r) => {
      const sf = r.node.getSourceFile();
      return {
        route: routeLabel(r),
        framework: r.framework,
        file: relative(loaded.root, sf.getFilePath()),
        line: r.node.getStartLineNumber(),
        chain: r.chain.map((m) => m.label),
      };
    }),
  };
}
