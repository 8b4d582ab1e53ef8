import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How far (in lines) a finding may sit from a labelled line and still count: a multi-line call is reported at its first line, the label may name the line of the tainted argument. */
export const LINE_TOLERANCE = 2;

/** One documented vulnerability of a public app. `file`/`line` null: an app-level issue (any finding of its rules in the app counts). */
export interface PublicLabel {
  readonly file: string | null;
  readonly line: number | null;
  /** The vulnerability class (`sql-injection`, `idor`, `plaintext-password`…). */
  readonly class: string;
  /** `sink` (source → sink), `config` (a setting) or `logic` (authorization, flows, templates). */
  readonly group: 'sink' | 'config' | 'logic';
  /** Rule ids (ours) whose finding at this place means the label is found. */
  readonly rules: readonly string[];
  readonly source: string;
  readonly note: string;
}

/** A line reviewed as safe: a finding of `rules` (of any rule, when absent) there is a false positive. */
export interface SafeLine {
  readonly file: string;
  readonly line: number;
  readonly rules?: readonly string[];
  readonly note: string;
}

export interface AppLabels {
  readonly app: string;
  readonly repository: string;
  /** path → commit (or a description of the version) the labels' line numbers refer to. */
  readonly files: Readonly<Record<string, string>>;
  readonly labels: readonly PublicLabel[];
  readonly safe: readonly SafeLine[];
}

/** A finding of either tool, reduced to what matching needs: path relative to the app root, line, and our rule id (mapped for the peer). */
export interface Hit {
  readonly file: string;
  readonly line: number;
  readonly rule: string | undefined;
  readonly label: string;
}

export const labelsDir = join(import.meta.dirname, '..', 'corpus-public');

/** Every `corpus-public/<app>.labels.json`. */
export function readAppLabels(dir = labelsDir): AppLabels[] {
  return readdirSync(dir).filter((f) => f.endsWith('.labels.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as AppLabels);
}

const matches = (l: PublicLabel, h: Hit): boolean =>
  h.rule !== undefined && l.rules.includes(h.rule) && (l.file === null || (h.file === l.file && Math.abs(h.line - (l.line ?? 0)) <= LINE_TOLERANCE));

/** Score of one tool on one app: which labels were found, which hits fell on safe lines, which matched nothing. */
export interface AppScore {
  readonly found: ReadonlySet<PublicLabel>;
  readonly falsePositives: readonly Hit[];
  readonly unlabelled: readonly Hit[];
}

/** Matches hits to labels (same rule family, same file, within {@link LINE_TOLERANCE} lines) and to safe lines (exact line). */
export function scoreApp(app: AppLabels, hits: readonly Hit[]): AppScore {
  const found = new Set<PublicLabel>();
  const falsePositives: Hit[] = [];
  const unlabelled: Hit[] = [];
  for (const h of hits) {
    const labels = app.labels.filter((l) => matches(l, h));
    for (const l of labels) found.add(l);
    if (labels.length > 0) continue;
    if (app.safe.some((s) => s.file === h.file && s.line === h.line && (s.rules === undefined || (h.rule !== undefined && s.rules.includes(h.rule))))) falsePositives.push(h);
    else unlabelled.push(h);
  }
  return { found, falsePositives, unlabelled };
}
