import type { Node, Project, SourceFile } from 'ts-morph';
import type { ScanConfig } from '../config/scan-config.js';
import type { Route, RouteModel } from '../routes/types.js';
import { enclosingFunction } from '../symbols/declarations.js';
import { TaintTracker } from '../taint/trace.js';
import { CallIndex } from '../project/call-index.js';
import type { NodeIndex } from '../project/node-index.js';
import { OrmModels } from '../project/orm-models.js';

/** Everything a rule can ask about the project: files, calls by module, routes, taint. */
export class RuleContext {
  readonly taint: TaintTracker;
  readonly calls: CallIndex;

  constructor(
    readonly project: Project,
    readonly files: readonly SourceFile[],
    readonly config: ScanConfig,
    readonly routes: RouteModel,
    readonly nodes: NodeIndex,
  ) {
    this.taint = new TaintTracker(routes, config);
    this.calls = new CallIndex(files, nodes);
  }

  private modelCache: OrmModels | undefined;

  /** The ORM models the project defines, resolved by declaration (read once, on first use). */
  get models(): OrmModels {
    this.modelCache ??= new OrmModels(this.calls, this.nodes);
    return this.modelCache;
  }

  /** The route whose handler (or one of its middleware) contains the node. */
  routeOf(node: Node): Route | undefined {
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const r = this.routes.handlers.get(fn);
      if (r) return r;
    }
    return undefined;
  }
}
