import {
  getNamedType, GraphQLError, isInterfaceType, isListType, isNonNullType, isObjectType, Kind, NoSchemaIntrospectionCustomRule,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type GraphQLType, type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The limits a GraphQL service enforces before executing anything (see limits.ts). */
export interface GraphqlLimits {
  /** Deepest selection nesting, counting every field level. */
  readonly maxDepth: number;
  /**
   * Nominal cost: every field costs 1 times the sizes of the lists above it. A list is a field of list type or a
   * Relay connection (its `edges`/`nodes`/`pageInfo` and an edge's `node` add no cost of their own); its size is
   * its `first`/`last`/`limit` argument, else that argument's default in the schema, else `defaultListSize`.
   */
  readonly maxCost: number;
  /** List size assumed for a list field without a `first`/`last`/`limit` argument. */
  readonly defaultListSize: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** Field selections in one operation, duplicates included. */
  readonly maxFields: number;
  /** Largest request body in bytes (Content-Length). */
  readonly maxBodyBytes: number;
  /** Answer introspection queries. */
  readonly introspection: boolean;
  /** Serve the GraphiQL IDE on GET. */
  readonly ide: boolean;
  /** Keep graphql-js' "Did you mean …?" hints in validation errors. */
  readonly suggestions: boolean;
}

const LIST_ARGS = new Set(['first', 'last', 'limit']);

/** A Relay connection type: an object with `edges` and `pageInfo`. */
function isConnection(type: GraphQLNamedType | undefined): boolean {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

/** A Relay edge type: an object with `node` and `cursor`. */
function isEdge(type: GraphQLNamedType | undefined): boolean {
  return isObjectType(type) && 'node' in type.getFields() && 'cursor' in type.getFields();
}

function isList(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** How many items a list field asks for: a literal size argument, else its default in the schema, else the default. */
function listSize(sel: FieldNode, def: GraphQLField<unknown, unknown> | undefined, limits: GraphqlLimits): number {
  const literal = sel.arguments?.find((a) => LIST_ARGS.has(a.name.value) && a.value.kind === Kind.INT);
  if (literal && literal.value.kind === Kind.INT) return Number(literal.value.value);
  const byDefault = def?.args.find((a) => LIST_ARGS.has(a.name) && typeof a.defaultValue === 'number');
  return typeof byDefault?.defaultValue === 'number' ? byDefault.defaultValue : limits.defaultListSize;
}

/**
 * Why the document breaks a limit, or undefined. Fragments are followed; a fragment cycle counts as too deep;
 * introspection fields are not counted. With the schema, only lists multiply the cost (see `maxCost`); without
 * it, every field with a selection counts as a list.
 */
export function limitProblem(document: DocumentNode, limits: GraphqlLimits, schema?: GraphQLSchema): string | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let aliases = 0;
  let directives = 0;
  let fields = 0;
  let cost = 0;
  let depth = 0;
  const over = (): string | undefined => {
    if (aliases > limits.maxAliases) return `operation has more than ${limits.maxAliases} aliases`;
    if (directives > limits.maxDirectives) return `operation has more than ${limits.maxDirectives} directives`;
    if (fields > limits.maxFields) return `operation selects more than ${limits.maxFields} fields`;
    if (cost > limits.maxCost) return `operation costs more than ${limits.maxCost} (lists multiply: ask for fewer items or fewer levels)`;
    return undefined;
  };
  const walk = (set: SelectionSetNode, level: number, multiplier: number, seen: readonly string[], parent: GraphQLNamedType | undefined): string | undefined => {
    for (const sel of set.selections) {
      directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        // Introspection is not limited here (GraphiQL's own query is 12 levels deep): it is off in production,
        // and graphql-js' MaxIntrospectionDepthRule already rejects circular introspection queries.
        if (sel.name.value.startsWith('__') && sel.selectionSet) continue;
        fields += 1;
        if (sel.alias) aliases += 1;
        if (!sel.selectionSet) {
          cost += multiplier;
          const problem = over();
          if (problem) return problem;
          continue;
        }
        const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[sel.name.value] : undefined;
        const type = def ? getNamedType(def.type) : undefined;
        const multiplies = !schema || !def || isConnection(type) || (isList(def.type) && !isConnection(parent));
        const next = multiplies ? multiplier * Math.max(1, listSize(sel, def, limits)) : multiplier;
        // A connection's edges/nodes/pageInfo and an edge's node add no rows: only what they select costs.
        if (!(schema && (isConnection(parent) || isEdge(parent)))) cost += next;
        depth = Math.max(depth, level + 1);
        if (depth > limits.maxDepth) return `operation is nested deeper than ${limits.maxDepth} levels`;
        const problem = walk(sel.selectionSet, level + 1, next, seen, type);
        if (problem) return problem;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const problem = walk(sel.selectionSet, level, multiplier, seen, sel.typeCondition ? schema?.getType(sel.typeCondition.name.value) : parent);
        if (problem) return problem;
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        if (!fragment) continue;
        if (seen.includes(name)) return 'fragments spread each other in a cycle';
        const problem = walk(fragment.selectionSet, level, multiplier, [...seen, name], schema?.getType(fragment.typeCondition.name.value));
        if (problem) return problem;
      }
      const problem = over();
      if (problem) return problem;
    }
    return undefined;
  };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    directives += d.directives?.length ?? 0;
    const problem = walk(d.selectionSet, 0, 1, [], schema?.getRootType(d.operation) ?? undefined);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The protections as GraphQL Yoga plugins: a request size limit and JSON POST only (GET only for the IDE page),
 * structural limits checked right after parsing against `schema` (one error, before validation runs), introspection off and
 * "Did you mean" hints stripped unless the limits allow them.
 */
export function protectionPlugins(limits: GraphqlLimits, schema?: GraphQLSchema): Plugin[] {
  return [
    {
      onRequest({ request, endResponse, fetchAPI }) {
        const reject = (status: number, message: string): void =>
          endResponse(new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }), { status, headers: { 'content-type': 'application/json' } }));
        const length = Number(request.headers.get('content-length') ?? 0);
        if (length > limits.maxBodyBytes) return reject(413, `request body is larger than ${limits.maxBodyBytes} bytes`);
        if (request.method === 'GET' && limits.ide && (request.headers.get('accept') ?? '').includes('text/html') && !new URL(request.url).searchParams.has('query')) return;
        if (request.method !== 'POST') return reject(405, 'send operations as POST with Content-Type: application/json');
        if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) return reject(415, 'send operations as POST with Content-Type: application/json');
      },
    },
    {
      onParse() {
        return ({ result, replaceParseResult }) => {
          if (result instanceof Error || !result || typeof result !== 'object' || !('kind' in result)) return;
          const problem = limitProblem(result as DocumentNode, limits, schema);
          if (problem) replaceParseResult(new GraphQLError(problem, { extensions: { code: 'QUERY_TOO_COMPLEX' } }));
        };
      },
      onValidate({ addValidationRule }) {
        if (!limits.introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
        return ({ result, setResult }) => {
          if (limits.suggestions || result.length === 0) return;
          setResult(result.map((e) => (/Did you mean/.test(e.message) ? new GraphQLError(e.message.replace(/\s*Did you mean[^?]*\?/g, ''), { nodes: e.nodes ?? [], extensions: e.extensions }) : e)));
        };
      },
    },
  ];
}
