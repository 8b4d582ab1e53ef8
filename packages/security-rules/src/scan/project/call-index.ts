import { SyntaxKind, ts, type CallExpression, type NewExpression, type SourceFile } from 'ts-morph';
import { rawCalleeName, type NodeIndex } from './node-index.js';
import { refOfRaw, type ModuleRef } from '../symbols/module-ref.js';

/** A call (or `new`) and the module reference of its callee. */
export interface ResolvedCall {
  readonly call: CallExpression | NewExpression;
  readonly ref: ModuleRef;
}

const imports = (sf: SourceFile): SourceFile[] => {
  const out: SourceFile[] = [];
  for (const d of [...sf.getImportDeclarations(), ...sf.getExportDeclarations()]) {
    const t = d.getModuleSpecifierSourceFile();
    if (t) out.push(t);
  }
  return out;
};

/** Raw calls and `new`s whose callee can name a module member (identifier, property, element access or call). */
const moduleCallee = (n: ts.Node): n is ts.CallExpression | ts.NewExpression => {
  const e = (n as ts.CallExpression).expression;
  return ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isCallExpression(e) || ts.isElementAccessExpression(e);
};

/**
 * The last path segment a callee's module reference must end with, when it can be read off the syntax: a
 * property access `x.query` resolves (if at all) to a path ending in `query`, `x['query']` likewise. Identifiers
 * (`run` imported as `exec as run`) and calls (`promisify(exec)`) are resolved to know.
 */
function syntacticLast(callee: ts.Expression): string | undefined | null {
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee)) return ts.isStringLiteral(callee.argumentExpression) ? callee.argumentExpression.text : undefined;
  return null;
}

/**
 * Finds calls into a module without resolving every call in the project: only files that mention the module,
 * or import (transitively) a file that does, are looked at; a call is resolved (on the raw AST, cached) only
 * when its callee's syntax can name one of the wanted members, and wrapped only when it matches.
 */
export class CallIndex {
  private readonly calls = new Map<SourceFile, readonly (ts.CallExpression | ts.NewExpression)[]>();
  private readonly importers = new Map<SourceFile, SourceFile[]>();
  private readonly mentions = new Map<string, Set<SourceFile>>();

  private readonly named = new Map<string, CallExpression[]>();

  constructor(private readonly files: readonly SourceFile[], private readonly nodes: NodeIndex) {
    for (const f of files) for (const t of imports(f)) this.importers.set(t, [...(this.importers.get(t) ?? []), f]);
  }

  /** Files whose text names the module in a string (`'fs`, `"node:fs`, a template): one pass per module. */
  private mentioning(m: string): Set<SourceFile> {
    let hit = this.mentions.get(m);
    if (hit === undefined) {
      hit = new Set(this.files.filter((f) => {
        const text = f.getFullText();
        return text.includes(`'${m}`) || text.includes(`"${m}`) || text.includes(`'node:${m}`) || text.includes(`"node:${m}`) || text.includes(`\`${m}`);
      }));
      this.mentions.set(m, hit);
    }
    return hit;
  }

  private filesMentioning(modules: readonly string[]): Set<SourceFile> {
    const out = new Set<SourceFile>();
    const queue: SourceFile[] = [];
    const sets = modules.map((m) => this.mentioning(m));
    for (const f of this.files) {
      if (sets.some((s) => s.has(f))) {
        out.add(f);
        queue.push(f);
      }
    }
    while (queue.length > 0) {
      const f = queue.pop();
      for (const imp of (f && this.importers.get(f)) ?? []) {
        if (!out.has(imp)) {
          out.add(imp);
          queue.push(imp);
        }
      }
    }
    return out;
  }

  private callsIn(sf: SourceFile): readonly (ts.CallExpression | ts.NewExpression)[] {
    let hit = this.calls.get(sf);
    if (hit === undefined) {
      hit = [...this.nodes.rawOfKind(SyntaxKind.CallExpression, sf), ...this.nodes.rawOfKind(SyntaxKind.NewExpression, sf)].filter(moduleCallee);
      this.calls.set(sf, hit);
    }
    return hit;
  }

  /** Calls whose callee comes from one of `modules` and whose last path segment is in `names` (any when omitted). */
  callsTo(modules: readonly string[], names?: readonly string[]): ResolvedCall[] {
    const out: ResolvedCall[] = [];
    for (const f of this.filesMentioning(modules)) {
      for (const raw of this.callsIn(f)) {
        if (names !== undefined) {
          const last = syntacticLast(raw.expression);
          if (last === undefined || (last !== null && !names.includes(last))) continue;
        }
        const ref = refOfRaw(raw.expression, f);
        if (ref === undefined || !modules.includes(ref.module)) continue;
        // A default-exported function called directly (`deepmerge(a, b)`, `got(url)`) matches the name '()'.
        const last = ref.path.at(-1) ?? (ts.isCallExpression(raw) ? '()' : undefined);
        if (names === undefined || (last !== undefined && names.includes(last))) out.push({ call: this.nodes.wrap(raw, f), ref });
      }
    }
    return out;
  }

  /** Every call expression in the scanned files whose callee is a member `x.name(...)` or plain `name(...)`. */
  callsNamed(names: ReadonlySet<string>): CallExpression[] {
    const key = [...names].sort().join(',');
    const hit = this.named.get(key);
    if (hit) return hit;
    const out = this.nodes.ofKind(SyntaxKind.CallExpression, (n) => {
      const name = rawCalleeName(n);
      return name !== undefined && names.has(name);
    });
    this.named.set(key, out);
    return out;
  }
}
