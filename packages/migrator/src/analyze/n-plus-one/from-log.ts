import type { ForeignKeyRef } from '../../workload/catalog.js';
import type { ParsedStatement } from '../../workload/parse-statement.js';
import type { LoggedStatement } from '../../workload/server-log/read-server-log.js';
import { pointLookupOf, reads, relationsFor, type PointLookup } from './relations.js';
import type { RepeatedLookup } from './types.js';

/** At most this many other statements between two executions of a child within one run (interleaved lookups). */
const MAX_GAP = 3;
/** How far back from a run the parent may be (skipping sibling lookups). */
const PARENT_REACH = 8;

interface Event {
  s: LoggedStatement;
  p: ParsedStatement;
}

interface Run {
  parent: Event;
  children: Event[];
}

/**
 * N+1 from a server log, the way application tracers find it in spans: in one session, a SELECT (the
 * parent) followed by the same point-lookup SELECT (the child) at least `minRun` times with different values,
 * before the parent runs again. Statements are compared by their normalised text (constants → `$n`).
 * A child that runs often but never in such a run is returned without a parent (a hot point query).
 */
export function lookupsFromLog(
  statements: LoggedStatement[],
  parsed: Map<string, ParsedStatement>,
  options: { minRun: number; minCalls: number; fks?: ForeignKeyRef[]; tables?: Set<string> },
): RepeatedLookup[] {
  const sessions = new Map<string, Event[]>();
  const calls = new Map<string, { p: ParsedStatement; lookup: PointLookup; calls: number; rows: number; rowsKnown: boolean; ms: number; msKnown: boolean }>();
  for (const s of statements) {
    const p = parsed.get(s.query);
    if (!p || p.kind === 'other') continue;
    let list = sessions.get(s.session);
    if (!list) sessions.set(s.session, (list = []));
    list.push({ s, p });
    const lookup = pointLookupOf(p);
    if (!lookup) continue;
    const c = calls.get(p.query) ?? { p, lookup, calls: 0, rows: 0, rowsKnown: true, ms: 0, msKnown: true };
    c.calls++;
    c.rows += s.rows ?? 0;
    c.rowsKnown &&= s.rows !== undefined;
    c.ms += s.durationMs ?? 0;
    c.msKnown &&= s.durationMs !== undefined;
    calls.set(p.query, c);
  }
  const byPair = new Map<string, Run[]>();
  for (const events of sessions.values()) {
    for (const run of runsIn(events, options.minRun)) {
      const key = `${run.parent.p.query}\u0000${run.children[0]!.p.query}`;
      byPair.set(key, [...(byPair.get(key) ?? []), run]);
    }
  }
  const out: RepeatedLookup[] = [];
  const explained = new Set<string>();
  for (const runs of byPair.values()) {
    const child = runs[0]!.children[0]!.p;
    const parent = runs[0]!.parent.p;
    const c = calls.get(child.query)!;
    explained.add(child.query);
    const known = runs.filter((r) => r.parent.s.rows !== undefined);
    const found: RepeatedLookup = {
      source: 'log', child, lookup: c.lookup, calls: c.calls,
      parent: { statement: parent, calls: runs.length },
      log: {
        runs: runs.length,
        sessions: new Set(runs.map((r) => r.parent.s.session)).size,
        inTransaction: runs.filter((r) => r.children.every((e) => e.s.transaction === r.parent.s.transaction)).length,
        longestRun: Math.max(...runs.map((r) => r.children.length)),
        example: runs[0]!.parent.s.location,
      },
    };
    if (c.rowsKnown) found.rows = c.rows;
    if (c.msKnown) found.totalMs = round(c.ms);
    if (known.length > 0) {
      found.parent!.rows = known.reduce((sum, r) => sum + r.parent.s.rows!, 0);
      found.log!.rowsMatched = `${known.filter((r) => r.parent.s.rows === r.children.length).length}/${known.length}`;
    }
    const relation = options.fks && relationsFor(c.lookup, options.fks, options.tables ?? new Set()).find((r) => reads(parent, r.parentTable));
    if (relation) found.relation = relation;
    out.push(found);
  }
  for (const [query, c] of calls) {
    if (explained.has(query) || c.calls < options.minCalls) continue;
    const hot: RepeatedLookup = { source: 'log', child: c.p, lookup: c.lookup, calls: c.calls };
    if (c.rowsKnown) hot.rows = c.rows;
    if (c.msKnown) hot.totalMs = round(c.ms);
    out.push(hot);
  }
  return out;
}

/** The qualifying parent → children runs of one session. */
function runsIn(events: Event[], minRun: number): Run[] {
  const positions = new Map<string, number[]>();
  events.forEach((e, i) => {
    if (pointLookupOf(e.p)) positions.set(e.p.query, [...(positions.get(e.p.query) ?? []), i]);
  });
  const runs: Run[] = [];
  for (const [query, at] of positions) {
    if (at.length < minRun) continue;
    for (const group of split(at, (a, b) => b - a - 1 <= MAX_GAP)) {
      const parentAt = parentBefore(events, group, query);
      if (parentAt === undefined) continue;
      const parentQuery = events[parentAt]!.p.query;
      // The parent running again starts a new round: each round is one run.
      let current: Run = { parent: events[parentAt]!, children: [] };
      const rounds: Run[] = [current];
      for (let i = group[0]!; i <= group.at(-1)!; i++) {
        const e = events[i]!;
        if (e.p.query === parentQuery) rounds.push((current = { parent: e, children: [] }));
        else if (e.p.query === query) current.children.push(e);
      }
      runs.push(...rounds.filter((r) => r.children.length >= minRun && distinctValues(r.children) >= 2));
    }
  }
  return runs;
}

/**
 * The nearest SELECT before the group that is neither the child nor a lookup interleaved with it (what runs
 * between the first two executions of the child).
 */
function parentBefore(events: Event[], group: number[], child: string): number | undefined {
  const siblings = new Set(events.slice(group[0], (group[1] ?? group[0]!) + 1).map((e) => e.p.query));
  siblings.add(child);
  for (let i = group[0]! - 1, steps = 0; i >= 0 && steps < PARENT_REACH; i--, steps++) {
    const e = events[i]!;
    if (siblings.has(e.p.query) || e.p.kind !== 'select') continue;
    return i;
  }
  return undefined;
}

function split(at: number[], together: (a: number, b: number) => boolean): number[][] {
  const groups: number[][] = [];
  for (const i of at) {
    const last = groups.at(-1);
    if (last && together(last.at(-1)!, i)) last.push(i);
    else groups.push([i]);
  }
  return groups;
}

/** How many different lookup values the children used (bind parameters, or the literal text). */
function distinctValues(children: Event[]): number {
  return new Set(children.map((e) => (e.s.parameters ? JSON.stringify(e.s.parameters) : e.s.query))).size;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
