import type { RunControl } from '@sb/errors';
import { yieldAndCheck } from '../../abort.js';
import type { Finding, RawFinding } from '../model/finding.js';
import type { Rule } from './rule.js';
import type { RuleContext } from './context.js';
import { fingerprint, locate } from './locate.js';

/**
 * Runs rules over the project and turns their raw findings into located, fingerprinted findings. Reports one
 * `rules` progress event per rule (`done`/`total`) and, between rules, lets an abort land (`SECRULES_ABORTED`).
 */
export async function runRules(rules: readonly Rule[], ctx: RuleContext, root: string, control: RunControl = {}): Promise<Finding[]> {
  const scanned = new Set(ctx.files);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    await yieldAndCheck(control.signal, 'scan');
    control.onProgress?.({ phase: 'rules', message: `rule ${index + 1}/${rules.length}: ${rule.meta.id}`, done: index, total: rules.length });
    for (const raw of rule.check(ctx)) {
      if (!scanned.has(raw.node.getSourceFile())) continue;
      const f = toFinding(rule, raw, root);
      const key = `${f.ruleId}:${f.location.file}:${f.location.line}:${f.location.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

function toFinding(rule: Rule, raw: RawFinding, root: string): Finding {
  const location = locate(raw.node, root);
  const base: Finding = {
    ruleId: rule.meta.id,
    severity: raw.severity ?? rule.meta.severity,
    confidence: raw.confidence ?? rule.meta.confidence,
    message: raw.message,
    location,
    fingerprint: fingerprint(rule.meta.id, location.file, raw.node),
  };
  const extra: { route?: string; flow?: Finding['flow']; fix?: Finding['fix'] } = {};
  if (raw.route !== undefined) extra.route = raw.route;
  if (raw.flow) extra.flow = raw.flow.map((s) => ({ location: locate(s.node, root), message: s.message }));
  if (raw.fix) {
    extra.fix = {
      description: raw.fix.description,
      edits: raw.fix.edits.map((e) => ({
        file: e.node.getSourceFile().getFilePath(),
        start: e.start ?? e.node.getStart(),
        end: e.end ?? e.node.getEnd(),
        text: e.text,
      })),
    };
  }
  return { ...base, ...extra };
}
