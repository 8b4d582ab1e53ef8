// Fails when the folders of a package's src/ import each other in a cycle (data must flow one way).
// A folder is the first path segment under src/ (src/diff/x.ts → diff; src/index.ts → the package root,
// which may import anything and is imported by nothing); a grouping folder, one that holds only folders (and at
// most two entry files beside two or more folders), is looked through: src/scan/rules/x.ts → scan/rules, while
// src/scan/scan.ts stays scan. Usage: node scripts/check-folder-cycles.mjs [pkgdir…]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(c|m)?tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const grouping = new Map();
function isGrouping(dir) {
  if (!grouping.has(dir)) {
    const entries = readdirSync(dir);
    const folders = entries.filter((name) => statSync(join(dir, name)).isDirectory()).length;
    const sources = entries.filter((name) => /\.tsx?$/.test(name)).length;
    grouping.set(dir, folders >= 2 && sources <= 2);
  }
  return grouping.get(dir);
}

function folderOf(src, file) {
  const rel = relative(src, file).split(sep);
  if (rel.length < 2 || rel[0] === '..') return null;
  let depth = 1;
  while (depth < rel.length - 1 && isGrouping(join(src, ...rel.slice(0, depth)))) depth++;
  return rel.slice(0, depth).join('/');
}

/** Tarjan's strongly connected components; returns the components with more than one folder. */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const meta = new Map();
  const out = [];
  const visit = (v) => {
    meta.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!meta.has(w)) {
        visit(w);
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
      } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
    if (meta.get(v).low === meta.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        meta.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component);
    }
  };
  for (const v of graph.keys()) if (!meta.has(v)) visit(v);
  return out;
}

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const packages = process.argv.length > 2
  ? process.argv.slice(2).map((p) => resolve(p))
  : ['packages', 'apps'].flatMap((g) => readdirSync(join(root, g)).map((n) => join(root, g, n)));
let failed = false;
for (const pkg of packages) {
  const src = join(pkg, 'src');
  if (!existsSync(src)) continue;
  const graph = new Map();
  const examples = new Map();
  for (const file of files(src)) {
    const from = folderOf(src, file);
    if (from === null) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1] ?? m[2]);
      const to = folderOf(src, target);
      if (to === null || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from).add(to);
      if (!examples.has(`${from}>${to}`)) examples.set(`${from}>${to}`, relative(pkg, file));
      if (!graph.has(to)) graph.set(to, new Set());
    }
  }
  const found = cycles(graph);
  const name = relative(root, pkg);
  if (found.length === 0) {
    console.log(`${name}: ${graph.size} folders, no cycles`);
    continue;
  }
  failed = true;
  for (const component of found) {
    const edges = component.flatMap((a) => component.filter((b) => graph.get(a)?.has(b)).map((b) => `${a} → ${b} (${examples.get(`${a}>${b}`)})`));
    console.log(`${name}: folders import each other in a cycle: ${component.join(', ')}\n  ${edges.join('\n  ')}`);
  }
}
process.exitCode = failed ? 1 : 0;
