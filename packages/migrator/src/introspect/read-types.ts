import type { Collation, Domain, EnumType, Extension, Sequence } from '../snapshot/types.js';
import * as Q from './queries.js';

type Row = Record<string, unknown>;
type Run = (label: string, sql: string) => Promise<Row[]>;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Extensions, collations, enums, domains and sequences. */
export async function readTypes(
  run: Run,
  n: string,
): Promise<{ extensions: Extension[]; collations: Collation[]; enums: EnumType[]; domains: Domain[]; sequences: Sequence[] }> {
  const extensions = (await run('extensions', Q.EXTENSIONS(n))).map((r) => ({
    name: String(r['name']),
    schema: String(r['schema']),
    version: String(r['version']),
    updatePaths: ((r['update_paths'] as string[] | null) ?? []).map(String),
  }));
  const collations = (await run('collations', Q.COLLATIONS(n))).map((r) => {
    const raw = r['raw'] as Record<string, unknown>;
    return {
      schema: String(r['schema']),
      name: String(r['name']),
      provider: String(r['provider']),
      // PG 15 calls the ICU locale colliculocale, PG 17+ colllocale.
      locale: str(raw['colllocale'] ?? raw['colliculocale']),
      lcCollate: str(raw['collcollate']),
      lcCtype: str(raw['collctype']),
      deterministic: Boolean(r['deterministic']),
    };
  });
  const enums = (await run('enums', Q.ENUMS(n))).map((r) => ({
    schema: String(r['schema']),
    name: String(r['name']),
    typeName: String(r['type_name']),
    values: ((r['values'] as string[] | null) ?? []).map(String),
    comment: str(r['comment']),
  }));
  const domains = (await run('domains', Q.DOMAINS(n))).map((r) => ({
    schema: String(r['schema']),
    name: String(r['name']),
    type: String(r['type']),
    nullable: Boolean(r['nullable']),
    default: str(r['default']),
    collation: str(r['collation']),
    checks: (r['checks'] as { name: string; definition: string }[]).map((c) => ({ name: c.name, definition: stripNotValid(c.definition) })),
    comment: str(r['comment']),
  }));
  const sequences = (await run('sequences', Q.SEQUENCES(n))).map((r) => ({
    schema: String(r['schema']),
    name: String(r['name']),
    type: String(r['type']),
    start: String(r['start']),
    increment: String(r['increment']),
    min: String(r['min']),
    max: String(r['max']),
    cache: String(r['cache']),
    cycle: Boolean(r['cycle']),
    ownedBy: (r['owned_by'] as Sequence['ownedBy']) ?? null,
  }));
  return { extensions, collations, enums, domains, sequences };
}

/** `CHECK (x > 0) NOT VALID` → `CHECK (x > 0)`: validity is kept apart. */
export function stripNotValid(definition: string): string {
  return definition.replace(/ NOT VALID$/, '');
}
