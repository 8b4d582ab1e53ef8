import type { ColumnModel, TableModel } from './table-model.js';

/** Query parameter names of the listing itself; a column with one of these names is not filterable. */
export const LIST_PARAMS = ['limit', 'offset', 'cursor', 'sort', 'order'];

/** Indexed scalar columns usable as `?column=value` (not colliding with the listing's own parameters). */
export function filterColumns(t: TableModel): ColumnModel[] {
  return t.indexed.filter((c) => !LIST_PARAMS.includes(c)).map((c) => t.columns.find((col) => col.name === c)!);
}

/** The sort allow-list: indexed scalar columns. */
export function sortableColumns(t: TableModel): string[] {
  return [...t.indexed];
}

/** A table whose every column is in the key or server-owned has nothing to PATCH. */
export function updatable(t: TableModel): boolean {
  return t.columns.some((c) => !c.serverOwned && !t.primaryKey.includes(c.name));
}
