import type { Node } from 'ts-morph';

/** How bad a finding is when it is real. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/**
 * How sure the scanner is:
 * - `taint-confirmed`: request data was traced to the sink, or the rule's fact is certain (a literal secret);
 * - `type-narrowed`: the value is not request data but its type still allows an attack (e.g. any string);
 * - `pattern`: a syntactic pattern only, shown with `--audit`.
 */
export type Confidence = 'taint-confirmed' | 'type-narrowed' | 'pattern';

/** Ordered from least to most severe; used by `--fail-on`. */
export const SEVERITY_ORDER: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** Static metadata of a rule (shown in docs, SARIF `rules[]`, JSON). */
export interface RuleMeta {
  /** Stable kebab-case id, also the docs page name: `docs/rules/<id>.md`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  /** The confidence a finding of this rule has unless the rule says otherwise. */
  readonly confidence: Confidence;
  /** CWE ids, e.g. `[89]`. */
  readonly cwe: readonly number[];
  /** OWASP Top 10 (2021) category, e.g. `A03:2021-Injection`. */
  readonly owasp: string;
}

/** A position in a scanned file (1-based line and column). */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The source text of the line, for code frames. */
  readonly snippet: string;
}

/** One step of a source → sink path. */
export interface FlowStep {
  readonly location: Location;
  readonly message: string;
}

/** A text edit that fixes a finding (`--fix`, SARIF `fixes`). Offsets are into the original file text. */
export interface FixEdit {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** An autofix: a description and its edits. */
export interface Fix {
  readonly description: string;
  readonly edits: readonly FixEdit[];
}

/** One thing a rule found. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly message: string;
  readonly location: Location;
  /** The route this finding belongs to, e.g. `POST /auth/login`. */
  readonly route?: string;
  /** Source → sink steps when taint tracking produced the finding. */
  readonly flow?: readonly FlowStep[];
  readonly fix?: Fix;
  /** A stable hash of rule, file and the code at the location (not the line number): baseline key. */
  readonly fingerprint: string;
}

/** What a rule reports before the engine adds location, fingerprint and defaults. */
export interface RawFinding {
  readonly node: Node;
  readonly message: string;
  readonly confidence?: Confidence;
  readonly severity?: Severity;
  readonly route?: string;
  readonly flow?: readonly { node: Node; message: string }[];
  readonly fix?: { description: string; edits: readonly { node: Node; text: string; start?: number; end?: number }[] };
}
