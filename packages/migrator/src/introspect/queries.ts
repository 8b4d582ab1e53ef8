/**
 * The catalog queries behind {@link introspect}: one set-based query per object kind (never one per
 * table), all written for PostgreSQL 13–18 (a real server and PGlite). `$SCHEMA_FILTER(alias)` is
 * replaced by a predicate on the namespace name; extension-owned objects are always left out.
 */

/** Identifiers built in SQL are always double-quoted (like `quoteIdent`), so keys match across the code. */

/** Predicate on `<alias>.nspname`: user schemas, filtered by the caller. */
export function schemaFilter(alias: string, include: string[] | undefined, exclude: string[], quote: (v: string) => string): string {
  const parts = [
    `${alias}.nspname not in ('pg_catalog', 'information_schema')`,
    `${alias}.nspname !~ '^pg_(toast|temp)'`,
  ];
  if (include && include.length > 0) parts.push(`${alias}.nspname in (${include.map(quote).join(', ')})`);
  if (exclude.length > 0) parts.push(`${alias}.nspname not in (${exclude.map(quote).join(', ')})`);
  return `(${parts.join(' and ')})`;
}

const notExtension = (classId: string, oid: string) =>
  `not exists (select 1 from pg_depend xd where xd.classid = '${classId}'::regclass and xd.objid = ${oid} and xd.deptype = 'e')`;

export const SCHEMAS = (f: string) => `
select n.nspname as name from pg_namespace n
where ${f} and ${notExtension('pg_namespace', 'n.oid')}
order by 1`;

export const EXTENSIONS = (f: string) => `
select e.extname as name, n.nspname as schema, e.extversion as version,
  coalesce((select json_agg(u.target order by u.target) from pg_extension_update_paths(e.extname) u
    where u.source = e.extversion and u.path is not null), '[]'::json) as update_paths
from pg_extension e join pg_namespace n on n.oid = e.extnamespace
where e.extname <> 'plpgsql' and ${f}
order by 1`;

export const COLLATIONS = (f: string) => `
select n.nspname as schema, c.collname as name, c.collprovider as provider, c.collisdeterministic as deterministic,
  to_jsonb(c) as raw
from pg_collation c join pg_namespace n on n.oid = c.collnamespace
where ${f} and ${notExtension('pg_collation', 'c.oid')}
order by 1, 2`;

export const ENUMS = (f: string) => `
select n.nspname as schema, t.typname as name, format_type(t.oid, null) as type_name,
  (select json_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) as values,
  obj_description(t.oid, 'pg_type') as comment
from pg_type t join pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'e' and ${f} and ${notExtension('pg_type', 't.oid')}
order by 1, 2`;

export const DOMAINS = (f: string) => `
select n.nspname as schema, t.typname as name, format_type(t.typbasetype, t.typtypmod) as type,
  not t.typnotnull as nullable, t.typdefault as "default",
  case when t.typcollation <> 0 and t.typcollation <> bt.typcollation
    then (select ('"' || replace(cn.nspname, '"', '""') || '"') || '.' || ('"' || replace(co.collname, '"', '""') || '"') from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = t.typcollation) end as collation,
  coalesce((select json_agg(json_build_object('name', c.conname, 'definition', pg_get_constraintdef(c.oid)) order by c.conname)
    from pg_constraint c where c.contypid = t.oid and c.contype = 'c'), '[]'::json) as checks,
  obj_description(t.oid, 'pg_type') as comment
from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_type bt on bt.oid = t.typbasetype
where t.typtype = 'd' and ${f} and ${notExtension('pg_type', 't.oid')}
order by 1, 2`;

export const SEQUENCES = (f: string) => `
select n.nspname as schema, c.relname as name, format_type(s.seqtypid, null) as type,
  s.seqstart::text as start, s.seqincrement::text as increment, s.seqmin::text as min, s.seqmax::text as max,
  s.seqcache::text as cache, s.seqcycle as cycle,
  (select json_build_object('schema', tn.nspname, 'table', tc.relname, 'column', a.attname)
     from pg_depend d join pg_class tc on tc.oid = d.refobjid join pg_namespace tn on tn.oid = tc.relnamespace
     join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
     where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass and d.deptype = 'a'
     limit 1) as owned_by
from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
where ${f} and ${notExtension('pg_class', 'c.oid')}
  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'i')
order by 1, 2`;

/** Tables, partitioned tables, views and materialized views. */
export const RELATIONS = (f: string) => `
select c.oid::int8::text as oid, n.nspname as schema, c.relname as name, c.relkind as kind,
  c.relpersistence = 'u' as unlogged, c.relrowsecurity as rls, c.relforcerowsecurity as force_rls,
  case c.relreplident when 'f' then 'FULL' when 'n' then 'NOTHING'
    when 'i' then (select 'USING INDEX ' || ic.relname from pg_index x join pg_class ic on ic.oid = x.indexrelid where x.indrelid = c.oid and x.indisreplident limit 1)
    else 'DEFAULT' end as replica_identity,
  case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition_key,
  case when c.relispartition then (
    select json_build_object('schema', pn.nspname, 'table', pc.relname, 'bound', pg_get_expr(c.relpartbound, c.oid))
    from pg_inherits i join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace
    where i.inhrelid = c.oid limit 1) end as partition_of,
  case when not c.relispartition then coalesce((
    select json_agg(('"' || replace(pn.nspname, '"', '""') || '"') || '.' || ('"' || replace(pc.relname, '"', '""') || '"') order by i.inhseqno)
    from pg_inherits i join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace
    where i.inhrelid = c.oid), '[]'::json) else '[]'::json end as inherits,
  case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end as view_definition,
  coalesce(to_json(c.reloptions), '[]'::json) as options,
  obj_description(c.oid, 'pg_class') as comment,
  coalesce((select json_agg(json_build_object('grantee', case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee) end,
      'privilege', a.privilege_type, 'grantable', a.is_grantable) order by 1)
    from aclexplode(c.relacl) a where a.grantee <> c.relowner), '[]'::json) as grants
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p', 'v', 'm') and ${f} and ${notExtension('pg_class', 'c.oid')}
order by 2, 3`;

export const COLUMNS = (f: string) => `
select a.attrelid::int8::text as oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
  not a.attnotnull as nullable,
  case when a.attgenerated = '' then pg_get_expr(ad.adbin, ad.adrelid) end as "default",
  case a.attidentity when 'a' then 'always' when 'd' then 'by default' end as identity,
  case when a.attidentity <> '' then (
    select 'START WITH ' || s.seqstart || ' INCREMENT BY ' || s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax
      || ' CACHE ' || s.seqcache || case when s.seqcycle then ' CYCLE' else ' NO CYCLE' end
    from pg_depend d join pg_sequence s on s.seqrelid = d.objid
    where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.refobjid = a.attrelid and d.refobjsubid = a.attnum and d.deptype = 'i'
    limit 1) end as identity_options,
  case when a.attgenerated <> '' then pg_get_expr(ad.adbin, ad.adrelid) end as generated,
  case when a.attcollation <> 0 and a.attcollation <> t.typcollation
    then (select ('"' || replace(cn.nspname, '"', '""') || '"') || '.' || ('"' || replace(co.collname, '"', '""') || '"') from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = a.attcollation) end as collation,
  a.attislocal as local,
  col_description(a.attrelid, a.attnum) as comment
from pg_attribute a
join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm') and ${f}
order by a.attrelid, a.attnum`;

/** Constraints of tables (NOT NULL constraints, PG 18's `contype = 'n'`, are read from the columns). */
export const CONSTRAINTS = (f: string) => `
select c.conrelid::int8::text as oid, c.conname as name, c.contype as type, pg_get_constraintdef(c.oid) as definition,
  c.condeferrable as deferrable, c.condeferred as deferred, c.convalidated as validated,
  coalesce((select json_agg(a.attname order by k.ord) from unnest(c.conkey) with ordinality k(num, ord)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.num), '[]'::json) as columns,
  fn.nspname as ref_schema, fc.relname as ref_table,
  coalesce((select json_agg(a.attname order by k.ord) from unnest(c.confkey) with ordinality k(num, ord)
    join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.num), '[]'::json) as ref_columns,
  c.confdeltype as on_delete, c.confupdtype as on_update
from pg_constraint c
join pg_class rc on rc.oid = c.conrelid join pg_namespace n on n.oid = rc.relnamespace
left join pg_class fc on fc.oid = c.confrelid left join pg_namespace fn on fn.oid = fc.relnamespace
where c.contype in ('p', 'u', 'f', 'c', 'x') and c.conislocal and c.conparentid = 0 and ${f}
order by 1, 2`;

/** Indexes that are not created by a constraint and not attached to a partitioned parent's index. */
export const INDEXES = (f: string) => `
select i.indrelid::int8::text as oid, ic.relname as name, i.indisunique as unique, am.amname as method,
  pg_get_indexdef(i.indexrelid) as definition,
  coalesce((select json_agg(coalesce(a.attname, '') order by k.ord) from unnest(i.indkey::int2[]) with ordinality k(num, ord)
    left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.num where k.ord <= i.indnkeyatts), '[]'::json) as columns,
  pg_get_expr(i.indpred, i.indrelid) as predicate,
  obj_description(i.indexrelid, 'pg_class') as comment
from pg_index i
join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
join pg_class tc on tc.oid = i.indrelid join pg_namespace n on n.oid = tc.relnamespace
where ${f} and tc.relkind in ('r', 'p', 'm')
  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x') and c.conrelid = i.indrelid)
  and not exists (select 1 from pg_inherits h where h.inhrelid = i.indexrelid)
order by 1, 2`;

export const TRIGGERS = (f: string) => `
select t.tgrelid::int8::text as oid, t.tgname as name, pg_get_triggerdef(t.oid) as definition,
  ('"' || replace(pn.nspname, '"', '""') || '"') || '.' || ('"' || replace(p.proname, '"', '""') || '"') || '(' || pg_get_function_identity_arguments(p.oid) || ')' as function
from pg_trigger t
join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
join pg_proc p on p.oid = t.tgfoid join pg_namespace pn on pn.oid = p.pronamespace
where not t.tgisinternal and t.tgparentid = 0 and ${f}
order by 1, 2`;

export const POLICIES = (f: string) => `
select p.polrelid::int8::text as oid, p.polname as name, p.polpermissive as permissive,
  case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE' else 'ALL' end as command,
  coalesce((select json_agg(case when r = 0 then 'public' else quote_ident(pg_get_userbyid(r)) end order by 1) from unnest(p.polroles) r), '[]'::json) as roles,
  pg_get_expr(p.polqual, p.polrelid) as using, pg_get_expr(p.polwithcheck, p.polrelid) as with_check
from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
where ${f}
order by 1, 2`;

/** What each view and materialized view reads, from the rewrite rule's pg_depend rows. */
export const VIEW_DEPENDENCIES = (f: string) => `
select distinct v.oid::int8::text as oid,
  case when d.refclassid = 'pg_type'::regclass then 'type:' || (
      select ('"' || replace(tn.nspname, '"', '""') || '"') || '.' || ('"' || replace(t.typname, '"', '""') || '"')
      from pg_type t join pg_namespace tn on tn.oid = t.typnamespace where t.oid = d.refobjid)
    when d.refclassid = 'pg_proc'::regclass then 'function:' || (
      select ('"' || replace(pn.nspname, '"', '""') || '"') || '.' || ('"' || replace(p.proname, '"', '""') || '"') || '(' || pg_get_function_identity_arguments(p.oid) || ')'
      from pg_proc p join pg_namespace pn on pn.oid = p.pronamespace where p.oid = d.refobjid)
    else (case when rc.relkind in ('v', 'm') then 'view:' else 'table:' end) || ('"' || replace(rn.nspname, '"', '""') || '"') || '.' || ('"' || replace(rc.relname, '"', '""') || '"')
  end as ref
from pg_depend d
join pg_rewrite r on r.oid = d.objid
join pg_class v on v.oid = r.ev_class join pg_namespace n on n.oid = v.relnamespace
left join pg_class rc on d.refclassid = 'pg_class'::regclass and rc.oid = d.refobjid
left join pg_namespace rn on rn.oid = rc.relnamespace
where d.classid = 'pg_rewrite'::regclass and d.refobjid <> v.oid and ${f}
  and (rc.oid is not null or d.refclassid = 'pg_proc'::regclass
    or (d.refclassid = 'pg_type'::regclass and exists (select 1 from pg_type t where t.oid = d.refobjid and t.typtype in ('e', 'd'))))
  and coalesce(rn.nspname, '') not in ('pg_catalog', 'information_schema')
  and not exists (select 1 from pg_proc p join pg_namespace pn on pn.oid = p.pronamespace
    where d.refclassid = 'pg_proc'::regclass and p.oid = d.refobjid and pn.nspname in ('pg_catalog', 'information_schema'))
order by 1, 2`;

export const FUNCTIONS = (f: string) => `
select n.nspname as schema, p.proname as name, p.prokind as kind,
  pg_get_function_identity_arguments(p.oid) as identity_arguments,
  case when p.prokind <> 'p' then pg_get_function_result(p.oid) end as result,
  pg_get_functiondef(p.oid) as definition,
  obj_description(p.oid, 'pg_proc') as comment,
  coalesce((select json_agg(distinct ('"' || replace(dn.nspname, '"', '""') || '"') || '.' || ('"' || replace(dp.proname, '"', '""') || '"') || '(' || pg_get_function_identity_arguments(dp.oid) || ')')
    from pg_depend d join pg_proc dp on dp.oid = d.refobjid join pg_namespace dn on dn.oid = dp.pronamespace
    where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.refclassid = 'pg_proc'::regclass and d.refobjid <> p.oid
      and dn.nspname not in ('pg_catalog', 'information_schema')), '[]'::json) as depends_on
from pg_proc p join pg_namespace n on n.oid = p.pronamespace
where p.prokind in ('f', 'p', 'w') and ${f} and ${notExtension('pg_proc', 'p.oid')}
order by 1, 2, 4`;

/** Counts of object kinds the snapshot does not model, so the caller can warn loudly. */
export const UNHANDLED = (f: string) => `
select 'aggregate function' as kind, count(*)::int as n from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where p.prokind = 'a' and ${f} and ${notExtension('pg_proc', 'p.oid')}
union all select 'foreign table', count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'f' and ${f} and ${notExtension('pg_class', 'c.oid')}
union all select 'composite type', count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind = 'c' and ${f} and ${notExtension('pg_class', 'c.oid')}
union all select 'range type', count(*)::int from pg_type t join pg_namespace n on n.oid = t.typnamespace
  where t.typtype in ('r', 'm') and ${f} and ${notExtension('pg_type', 't.oid')}
union all select 'rule', count(*)::int from pg_rewrite r join pg_class c on c.oid = r.ev_class join pg_namespace n on n.oid = c.relnamespace
  where r.rulename <> '_RETURN' and ${f}
union all select 'statistics object', count(*)::int from pg_statistic_ext s join pg_namespace n on n.oid = s.stxnamespace where ${f}
union all select 'operator', count(*)::int from pg_operator o join pg_namespace n on n.oid = o.oprnamespace
  where ${f} and ${notExtension('pg_operator', 'o.oid')}
union all select 'text search configuration', count(*)::int from pg_ts_config t join pg_namespace n on n.oid = t.cfgnamespace
  where ${f} and ${notExtension('pg_ts_config', 't.oid')}
union all select 'event trigger', count(*)::int from pg_event_trigger where ${notExtension('pg_event_trigger', 'oid')}
union all select 'publication', count(*)::int from pg_publication`;
