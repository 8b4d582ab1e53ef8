/** `schema.table` (or `table`, meaning `public.table`) from the --tracking-table flag. */
export function parseTrackingTable(value: string): { schema: string; table: string } {
  const dot = value.indexOf('.');
  return dot < 0 ? { schema: 'public', table: value } : { schema: value.slice(0, dot), table: value.slice(dot + 1) };
}
