import { Node, SyntaxKind, ts, type CallExpression, type NewExpression, type SourceFile } from 'ts-morph';
import { rawCalleeName, type NodeIndex } from './node-index.js';
import { refOf, type ModuleRef } from '../symbols/module-ref.js';

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

/**
 * Finds calls into a module without resolving every call in the project: only files that mention the module,
 * or import (transitively) a file that does, are resolved, and each file's calls are resolved once.
 */
export class CallIndex {
  private readonly resolved = new Map<SourceFile, ResolvedCall[]>();
  private readonly importers = new Map<SourceFile, SourceFile[]>();

  private readonly named = new Map<string, CallExpression[]>();

  constructor(private readonly files: readonly SourceFile[], private readonly nodes: NodeIndex) {
    for (const f of files) for (const t of imports(f)) this.importers.set(t, [...(this.importers.get(t) ?? []), f]);
  }

  private filesMentioning(modules: readonly string[]): Set<SourceFile> {
    const out = new Set<SourceFile>();
    const queue: SourceFile[] = [];
    for (const f of this.files) {
      const text = f.getFullText();
      if (modules.some((m) => text.includes(`'${m}`) || text.includes(`"${m}`) || text.includes(`'node:${m}`) || text.includes(`"node:${m}`) || text.includes(`\`${m}`))) {
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

  private resolve(sf: SourceFile): ResolvedCall[] {
    const hit = this.resolved.get(sf);
    if (hit) return hit;
    const out: ResolvedCall[] = [];
    const callee = (n: ts.Node): boolean => {
      const e = (n as ts.CallExpression).expression;
      return ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isCallExpression(e) || ts.isElementAccessExpression(e);
    };
    const nodes = [...this.nodes.ofKind(SyntaxKind.CallExpression, callee, sf), ...this.nodes.ofKind(SyntaxKind.NewExpression, callee, sf)];
    for (const node of nodes) {
      const ref = refOf(node.getExpression());
      if (ref) out.push({ call: node, ref });
    }
    this.resolved.set(sf, out);
    return out;
  }

  /** Calls whose callee comes from one of `modules` and whose last path segment is in `names` (any when omitted). */
  callsTo(modules: readonly string[], names?: readonly string[]): ResolvedCall[] {
    const out: ResolvedCall[] = [];
    for (const f of this.filesMentioning(modules)) {
      for (const rc of this.resolve(f)) {
        if (!modules.includes(rc.ref.module)) continue;
        // A default-exported function called directly (`deepmerge(a, b)`, `got(url)`) matches the name '()'.
        const last = rc.ref.path.at(-1) ?? (Node.isCallExpression(rc.call) ? '()' : undefined);
        if (names === undefined || (last !== undefined && names.includes(last))) out.push(rc);
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
