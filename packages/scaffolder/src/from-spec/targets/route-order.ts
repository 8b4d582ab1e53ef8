import type { OperationModel } from '../model/model.js';

/**
 * Operations ordered so that, segment by segment, static segments come before parameters:
 * `/pets/mine` is registered before `/pets/{id}` (first-match routers need it). Stable otherwise.
 */
export function routeOrder(ops: readonly OperationModel[]): OperationModel[] {
  const segs = (p: string): string[] => p.split('/').filter(Boolean);
  return [...ops].sort((a, b) => {
    const sa = segs(a.path);
    const sb = segs(b.path);
    for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
      const pa = sa[i]!.includes('{') ? 1 : 0;
      const pb = sb[i]!.includes('{') ? 1 : 0;
      if (pa !== pb) return pa - pb;
    }
    return 0;
  });
}

/** The distinct paths of the operations with their methods, in order. */
export function methodsByPath(ops: readonly OperationModel[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const op of ops) {
    const list = out.get(op.path) ?? [];
    list.push(op.method.toUpperCase());
    out.set(op.path, list);
  }
  return out;
}

/** Splits an OpenAPI path template into literal text and parameter names. */
export function templateParts(path: string): { literal: string; param: string | undefined }[] {
  const out: { literal: string; param: string | undefined }[] = [];
  const re = /\{([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    out.push({ literal: path.slice(last, m.index), param: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  out.push({ literal: path.slice(last), param: undefined });
  return out;
}
