import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding, RuleMeta } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { routeLabel } from '../routes/types.js';
import { isConstantValue } from '../taint/constant.js';
import type { SinkKind } from '../taint/sanitizers.js';

/** A call that is a sink, and the argument that must not carry request data. */
export interface SinkHit {
  readonly call: Node;
  readonly arg: Node | undefined;
  /** Short sink name for messages: `child_process.exec`. */
  readonly sink: string;
  /**
   * The sink quotes its argument as an identifier (kysely `sql.id`/`ref`/`table`): the value cannot leave the
   * quotes, so only request data choosing the identifier is reported, not any non-constant value (`--audit`).
   */
  readonly quotesIdentifier?: boolean;
}

/** How to build a taint rule: where its sinks are, and how to phrase a finding. */
export interface TaintRuleSpec {
  readonly meta: RuleMeta;
  readonly kind: SinkKind;
  sinks(ctx: RuleContext): Iterable<SinkHit>;
  /** Extra per-sink guard (e.g. a `startsWith(root)` check): true means safe. */
  guarded?(hit: SinkHit, ctx: RuleContext): boolean;
  /** Report untraced, non-constant arguments with `type-narrowed` confidence (shown with --audit). */
  readonly auditDynamic?: boolean;
  fix?(hit: SinkHit, ctx: RuleContext): RawFinding['fix'];
}

/** A rule that reports request data reaching a sink, with the source → sink flow. */
export function taintRule(spec: TaintRuleSpec): Rule {
  return {
    meta: spec.meta,
    *check(ctx: RuleContext): Iterable<RawFinding> {
      for (const hit of spec.sinks(ctx)) {
        if (hit.arg === undefined || isConstantValue(hit.arg)) continue;
        if (spec.guarded?.(hit, ctx)) continue;
        const route = ctx.routeOf(hit.call);
        const routeInfo = route ? { route: routeLabel(route) } : {};
        const taint = ctx.taint.trace(hit.arg, spec.kind);
        const fix = spec.fix?.(hit, ctx);
        const fixInfo = fix ? { fix } : {};
        if (taint) {
          yield {
            node: hit.call,
            message: `${taint.source} reaches ${hit.sink}`,
            confidence: 'taint-confirmed',
            flow: [...taint.steps, { node: hit.arg, message: `flows into ${hit.sink}` }],
            ...routeInfo,
            ...fixInfo,
          };
        } else if (spec.auditDynamic !== false && hit.quotesIdentifier !== true) {
          yield { node: hit.call, message: `non-constant value reaches ${hit.sink} (not traced to request data)`, confidence: 'type-narrowed', ...routeInfo, ...fixInfo };
        }
      }
    },
  };
}
