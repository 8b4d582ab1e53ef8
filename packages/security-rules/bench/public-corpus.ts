import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { scan } from '../src/index.js';
import { runPeer } from './peer-eslint.js';
import { LINE_TOLERANCE, readAppLabels, scoreApp, type AppLabels, type AppScore, type Hit, type PublicLabel } from './public-labels.js';

/**
 * `pnpm --filter @sb/security-rules bench:public`: recall per vulnerability class and false positives of
 * @sb/security-rules (confirmed findings, the default output) and eslint-plugin-security on public vulnerable
 * apps, against the labels in `corpus-public/<app>.labels.json`. It fetches nothing: the apps' sources must be
 * in `$SB_PUBLIC_CORPUS/<app>/` at the versions the labels name.
 */
const root = process.env['SB_PUBLIC_CORPUS'];
const apps = readAppLabels();

function explainMissing(missing: AppLabels[]): void {
  console.error(`The public corpus is not here${root ? ` (SB_PUBLIC_CORPUS=${root})` : ' (SB_PUBLIC_CORPUS is not set)'}. This bench never downloads code.`);
  console.error('Put each app\'s files at the versions its labels name, at the listed version:');
  for (const app of missing) {
    console.error(`\n  ${app.app}: ${app.repository}  →  $SB_PUBLIC_CORPUS/${app.app}/`);
    for (const [path, version] of Object.entries(app.files)) console.error(`    ${path.padEnd(32)} ${version}`);
  }
  console.error('\n  (git clone <repository> /tmp/src && git -C /tmp/src show <commit>:<path> > $SB_PUBLIC_CORPUS/<app>/<path>)');
  console.error('then run: SB_PUBLIC_CORPUS=/tmp/sb-corpus pnpm --filter @sb/security-rules bench:public');
}

const present = root ? apps.filter((a) => existsSync(join(root, a.app))) : [];
if (!root || present.length === 0) {
  explainMissing(apps);
  process.exit(2);
}
for (const a of apps.filter((x) => !present.includes(x))) console.error(`skipping ${a.app}: ${join(root, a.app)} does not exist`);

const rel = (dir: string, file: string): string => relative(dir, file).split(sep).join('/');

async function ours(dir: string): Promise<Hit[]> {
  const result = await scan({ paths: [dir] });
  return result.findings.filter((f) => f.confidence === 'taint-confirmed').map((f) => ({ file: f.location.file.split(sep).join('/'), line: f.location.line, rule: f.ruleId, label: f.ruleId }));
}

async function peer(dir: string): Promise<Hit[]> {
  const { findings } = await runPeer(dir, ['**/*.{js,ts}']);
  return findings.map((f) => ({ file: rel(dir, f.file), line: f.line, rule: f.mapped, label: f.rule }));
}

const pad = (s: string, n: number): string => s.padEnd(n);
const frac = (found: number, total: number): string => `${found}/${total}`;
const pct = (found: number, total: number): string => (total === 0 ? 'n/a' : `${Math.round((100 * found) / total)}%`);

function classRows(labels: readonly PublicLabel[], a: AppScore, b: AppScore): string[] {
  const classes = [...new Set(labels.map((l) => l.class))];
  return classes.map((c) => {
    const of = labels.filter((l) => l.class === c);
    const n = (s: AppScore): number => of.filter((l) => s.found.has(l)).length;
    return `  ${pad(c, 26)} ${pad(of[0]?.group ?? '', 7)} ${pad(frac(n(a), of.length), 8)} ${frac(n(b), of.length)}`;
  });
}

const summary: Record<string, unknown>[] = [];
for (const app of present) {
  const dir = join(root, app.app);
  const [mine, theirs] = [scoreApp(app, await ours(dir)), scoreApp(app, await peer(dir))];
  const total = app.labels.length;
  const groups = (['sink', 'config', 'logic'] as const).map((g) => {
    const of = app.labels.filter((l) => l.group === g);
    return `${g} ${frac(of.filter((l) => mine.found.has(l)).length, of.length)} vs ${frac(of.filter((l) => theirs.found.has(l)).length, of.length)}`;
  });
  console.log(`\n${app.app} (${total} labelled issues, line tolerance ±${LINE_TOLERANCE})`);
  console.log(`  ${pad('class', 26)} ${pad('group', 7)} ${pad('sb', 8)} eslint-plugin-security`);
  for (const row of classRows(app.labels, mine, theirs)) console.log(row);
  console.log(`  ${pad('recall', 34)} ${pad(`${mine.found.size}/${total} ${pct(mine.found.size, total)}`, 8)}  ${theirs.found.size}/${total} ${pct(theirs.found.size, total)}   (${groups.join(', ')})`);
  console.log(`  ${pad('false positives (safe lines)', 34)} ${pad(String(mine.falsePositives.length), 8)} ${theirs.falsePositives.length}`);
  console.log(`  ${pad('other findings (not labelled)', 34)} ${pad(String(mine.unlabelled.length), 8)} ${theirs.unlabelled.length}`);
  for (const h of mine.falsePositives) console.log(`    FP sb      ${h.label} ${h.file}:${h.line}`);
  for (const h of theirs.falsePositives) console.log(`    FP eslint  ${h.label} ${h.file}:${h.line}`);
  for (const h of mine.unlabelled) console.log(`    other sb   ${h.label} ${h.file}:${h.line}`);
  for (const l of app.labels.filter((x) => !mine.found.has(x))) console.log(`    missed sb  ${l.class} ${l.file ?? '(app)'}:${l.line ?? ''}  ${l.note}`);
  summary.push({ app: app.app, labels: total, sb: { found: mine.found.size, falsePositives: mine.falsePositives.length, other: mine.unlabelled.length }, eslint: { found: theirs.found.size, falsePositives: theirs.falsePositives.length, other: theirs.unlabelled.length } });
}

const out = join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'public.json'), JSON.stringify(summary, null, 2));
