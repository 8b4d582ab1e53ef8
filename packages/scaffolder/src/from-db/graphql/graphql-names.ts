/**
 * GraphQL names from database names: only `[_A-Za-z][_0-9A-Za-z]*`, never starting with `__`, never a built-in
 * or generated name, unique where they must be. Deterministic: the same schema gives the same names.
 */

const words = (s: string): string[] => s.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1).toLowerCase();
/** A name cannot start with a digit: `2fa` → `_2fa`. */
const lead = (s: string): string => (/^\d/.test(s) ? `_${s}` : s);

/** `order_items` → `OrderItems`; nothing usable → `fallback`. */
export function pascalName(s: string, fallback = 'Table'): string {
  return lead(words(s).map(cap).join('') || fallback);
}

/** `owner_id` → `ownerId`; nothing usable → `fallback`. */
export function camelName(s: string, fallback = 'column'): string {
  const p = words(s).map(cap).join('');
  return lead(p ? p[0]!.toLowerCase() + p.slice(1) : fallback);
}

/** `OrderItem` → `orderItem` (a PascalCase name of `resourceNames`, already valid). */
export function lowerFirst(s: string): string {
  return s[0]!.toLowerCase() + s.slice(1);
}

/** `in-progress` → `IN_PROGRESS`; `true`, `false` and `null` (not allowed as enum values) get a `_` suffix. */
export function enumValueName(s: string, fallback = 'VALUE'): string {
  const name = lead(words(s).map((w) => w.toUpperCase()).join('_') || fallback);
  return ['TRUE', 'FALSE', 'NULL'].includes(name) ? `${name}_` : name;
}

/** Names taken in one namespace (the schema's types, or one type's fields). */
export class Namespace {
  readonly #taken: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.#taken = new Set(reserved);
  }

  has(name: string): boolean {
    return this.#taken.has(name);
  }

  /** The first free of `preferred`, else the first with the lowest free number appended. */
  claim(...preferred: string[]): string {
    const free = preferred.find((n) => !this.#taken.has(n));
    if (free !== undefined) {
      this.#taken.add(free);
      return free;
    }
    for (let i = 2; ; i++) {
      const name = `${preferred[0]}${i}`;
      if (!this.#taken.has(name)) {
        this.#taken.add(name);
        return name;
      }
    }
  }

  /** Claims `make(base)` names together: the first suffix (none, 2, 3…) for which all are free. */
  claimGroup(base: string, make: (base: string) => readonly string[]): string {
    for (let i = 1; ; i++) {
      const candidate = i === 1 ? base : `${base}${i}`;
      const names = [candidate, ...make(candidate)];
      if (names.every((n) => !this.#taken.has(n)) && new Set(names).size === names.length) {
        for (const n of names) this.#taken.add(n);
        return candidate;
      }
    }
  }
}

/** Type names GraphQL, the generated schema or its scalars already use. */
export const RESERVED_TYPES = ['Query', 'Mutation', 'Subscription', 'String', 'Int', 'Float', 'Boolean', 'ID', 'BigInt', 'Datetime', 'JSON', 'PageInfo'];
