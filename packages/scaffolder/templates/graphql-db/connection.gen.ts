import { encodeCursor } from './cursor.gen.js';
import { cursorValues, type PagePlan, type Row } from './sql.gen.js';

/** One edge; its cursor is only encoded when a client selects it. */
class Edge {
  readonly node: Row;
  readonly #plan: PagePlan;
  readonly #index: number;

  constructor(plan: PagePlan, node: Row, index: number) {
    this.node = node;
    this.#plan = plan;
    this.#index = index;
  }

  get cursor(): string {
    return encodeCursor(this.#plan.order, cursorValues(this.#plan, this.node, this.#index));
  }
}

/** A Relay connection over the rows of a page (`first + 1` rows were asked for: one more means a next page). */
export interface Connection {
  readonly edges: readonly Edge[];
  readonly nodes: readonly Row[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean; readonly startCursor: string | null; readonly endCursor: string | null };
}

/** The connection of a page; edges (and their cursors) are only made when a client selects them. */
export function toConnection(plan: PagePlan, rows: readonly Row[]): Connection {
  const nodes = rows.length > plan.first ? rows.slice(0, plan.first) : rows;
  let edges: Edge[] | undefined;
  const cursorAt = (i: number): string | null => (i >= 0 && i < nodes.length ? new Edge(plan, nodes[i]!, i).cursor : null);
  return {
    get edges() {
      return (edges ??= nodes.map((node, i) => new Edge(plan, node, i)));
    },
    nodes,
    pageInfo: {
      hasNextPage: rows.length > plan.first,
      // Relay allows false when paginating forward with first/after.
      hasPreviousPage: false,
      get startCursor() {
        return cursorAt(0);
      },
      get endCursor() {
        return cursorAt(nodes.length - 1);
      },
    },
  };
}
