import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Adds the fields `set` selects (fragments followed, type conditions ignored) to `into`: name → their selections. */
function collect(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, into: Map<string, SelectionSetNode[]>): void {
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) {
      const list = into.get(s.name.value) ?? [];
      if (s.selectionSet) list.push(s.selectionSet);
      into.set(s.name.value, list);
    } else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, fragments, into);
    else {
      const fragment = fragments[s.name.value];
      if (fragment) collect(fragment.selectionSet, fragments, into);
    }
  }
}

const cache = new WeakMap<readonly FieldNode[], readonly string[]>();

/**
 * The fields a resolver's client asked of the rows it returns: of the field itself (a row), or of `nodes` and
 * `edges { node }` (a connection). Remembered per selection, which graphql-js shares between sibling rows.
 */
export function requestedFields(info: GraphQLResolveInfo, connection: boolean): readonly string[] {
  const known = cache.get(info.fieldNodes);
  if (known) return known;
  const top = new Map<string, SelectionSetNode[]>();
  for (const node of info.fieldNodes) collect(node.selectionSet, info.fragments, top);
  let sets: SelectionSetNode[] = [...top.values()].flat();
  if (connection) {
    const edges = new Map<string, SelectionSetNode[]>();
    for (const s of top.get('edges') ?? []) collect(s, info.fragments, edges);
    sets = [...(top.get('nodes') ?? []), ...(edges.get('node') ?? [])];
  }
  const fields = new Map<string, SelectionSetNode[]>();
  if (!connection) for (const [name, list] of top) fields.set(name, list);
  else for (const s of sets) collect(s, info.fragments, fields);
  const out = [...fields.keys()];
  cache.set(info.fieldNodes, out);
  return out;
}
