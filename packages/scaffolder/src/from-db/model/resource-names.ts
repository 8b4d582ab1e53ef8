import type { TableModel } from './table-model.js';

/** How a table is named in the API. */
export interface ResourceNames {
  /** URL segment(s): `/order-items`, or `/billing/invoices` outside `public`. */
  readonly path: string;
  /** The tag (→ handler file `handlers/<tag>.ts`). */
  readonly tag: string;
  /** `OrderItem`: schema names `OrderItem`, `OrderItemCreate`, `OrderItemUpdate`, `OrderItemPage`. */
  readonly singular: string;
  /** `OrderItems`: `listOrderItems`. */
  readonly plural: string;
}

const words = (s: string): string[] => s.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
const pascal = (s: string): string => {
  const name = words(s).map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join('') || 'Table';
  return /^\d/.test(name) ? `T${name}` : name; // a TypeScript and GraphQL name cannot start with a digit
};
const kebab = (s: string): string => words(s).map((w) => w.toLowerCase()).join('-') || 'table';

/** English-ish singular of the last word: `categories` → `category`, `statuses` → `status`, `pets` → `pet`. */
export function singularize(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/(sses|uses|xes|ches|shes)$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** Names for every table, unique across them (a schema prefix, then a number, settles collisions). */
export function resourceNames(tables: readonly TableModel[]): Map<TableModel, ResourceNames> {
  const multiSchema = new Set(tables.map((t) => t.schema)).size > 1;
  const out = new Map<TableModel, ResourceNames>();
  const taken = new Set<string>();
  const takenPaths = new Set<string>();
  for (const t of tables) {
    const prefix = multiSchema && t.schema !== 'public' ? `${t.schema}_` : '';
    let plural = pascal(prefix + t.name);
    let singular = pascal(prefix + singularize(t.name));
    for (let i = 2; taken.has(singular) || taken.has(plural); i++) {
      singular = `${pascal(prefix + singularize(t.name))}${i}`;
      plural = `${pascal(prefix + t.name)}${i}`;
    }
    taken.add(singular).add(plural);
    // `order_items` and `order-items` would share a path and a handler file: number the later one.
    let path = multiSchema && t.schema !== 'public' ? `/${kebab(t.schema)}/${kebab(t.name)}` : `/${kebab(t.name)}`;
    let tag = kebab(prefix + t.name);
    for (let i = 2; takenPaths.has(path) || takenPaths.has(tag); i++) {
      path = `${path.replace(/-\d+$/, '')}-${i}`;
      tag = `${tag.replace(/-\d+$/, '')}-${i}`;
    }
    takenPaths.add(path).add(tag);
    out.set(t, { path, tag, singular, plural });
  }
  return out;
}
