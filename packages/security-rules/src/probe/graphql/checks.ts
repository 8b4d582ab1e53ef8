import type { ProbeSeverity } from '../report/types.js';
import { COST_LIST_SIZE, costQuery, depthQuery, EXPENSIVE_COST, schemaDepth } from './build-queries.js';
import { asResult, errorMessages, type GraphqlExchange, type GraphqlResult } from './exchange.js';
import type { ProbeSchema } from './schema.js';

/** What one check decided, with the exchange that shows it. */
export interface CheckVerdict {
  readonly status: 'pass' | 'fail' | 'skip';
  readonly detail: string;
  readonly exchange?: GraphqlExchange;
}

/** What a check can do: send a document over a transport, or a plain GET. */
export interface CheckContext {
  readonly schema: ProbeSchema | undefined;
  readonly send: (query: string, transport: 'json' | 'batch' | 'get' | 'form', options?: { copies?: number; maxBodyBytes?: number }) => Promise<GraphqlExchange | Error>;
  readonly page: (path: string) => Promise<GraphqlExchange | Error>;
  /** The endpoint path and the other paths an IDE is often served on. */
  readonly idePaths: readonly string[];
}

/** One of the GraphQL probes: graphql-cop's twelve plus depth and cost limits. */
export interface GraphqlCheck {
  readonly id: string;
  readonly title: string;
  readonly severity: ProbeSeverity;
  readonly cwe: string;
  readonly fix: string;
  readonly run: (ctx: CheckContext) => Promise<CheckVerdict>;
}

/** Nesting the depth probe asks for: deeper than any sane limit (graphql-armor's default is 6). */
export const PROBE_DEPTH = 12;
/** Levels of the cost probe: within any sane depth limit, so that a rejection is the cost limit's. */
const COST_DEPTH = 4;
const ALIASES = 101;
const BATCH = 10;
const DUPLICATES = 500;
const DIRECTIVES = 60;
const IDE_MARKERS = /graphiql|graphql-playground|graphql playground|apollo sandbox|embeddable-sandbox|altair graphql/i;

const DOS_FIX = 'Limit it in validation before execution (e.g. graphql-armor, or the limits file of an sb-generated service).';

/** Runs a document as JSON and judges its result. */
function viaJson(query: string, judge: (r: GraphqlResult | undefined, x: GraphqlExchange) => CheckVerdict, maxBodyBytes?: number) {
  return async (ctx: CheckContext): Promise<CheckVerdict> => {
    const x = await ctx.send(query, 'json', maxBodyBytes === undefined ? {} : { maxBodyBytes });
    if (x instanceof Error) return { status: 'skip', detail: `no answer: ${x.message}` };
    return { ...judge(asResult(x.json), x), exchange: x };
  };
}

function executed(r: GraphqlResult | undefined): boolean {
  return typeof r?.data === 'object' && r.data !== null;
}

function rejected(r: GraphqlResult | undefined, x: GraphqlExchange): string {
  const first = errorMessages(r)[0];
  return `rejected (${x.response.status}${first ? `: "${first.slice(0, 120)}"` : ''}).`;
}

/** The checks in the order they run; introspection first because depth and cost need the schema. */
export const GRAPHQL_CHECKS: readonly GraphqlCheck[] = [
  {
    id: 'graphql.field-suggestions', title: 'Field suggestions', severity: 'low', cwe: 'CWE-200',
    fix: 'Turn off "Did you mean" suggestions in production (they let a client rebuild the schema with introspection off).',
    run: async (ctx) => {
      const typo = firstQueryField(ctx.schema);
      const query = typo ? `query { ${typo} }` : 'query { __schema { directive } }';
      return viaJson(query, (r, x) => {
        const hint = errorMessages(r).find((m) => /did you mean/i.test(m));
        return hint ? { status: 'fail', detail: `errors suggest field names: "${hint.slice(0, 160)}".` } : { status: 'pass', detail: `no suggestion in the error (${x.response.status}).` };
      })(ctx);
    },
  },
  {
    id: 'graphql.ide', title: 'GraphQL IDE exposed', severity: 'low', cwe: 'CWE-200',
    fix: 'Serve GraphiQL/Playground only outside production.',
    run: async (ctx) => {
      let last: GraphqlExchange | undefined;
      for (const path of ctx.idePaths) {
        const x = await ctx.page(path);
        if (x instanceof Error) continue;
        last = x;
        if (x.response.status < 400 && IDE_MARKERS.test(x.response.body)) return { status: 'fail', detail: `${path} serves a GraphQL IDE to a browser (${x.response.status}).`, exchange: x };
      }
      return { status: 'pass', detail: `no IDE page on ${ctx.idePaths.join(', ')}.`, ...(last ? { exchange: last } : {}) };
    },
  },
  {
    id: 'graphql.tracing', title: 'Tracing or debug output', severity: 'info', cwe: 'CWE-209',
    fix: 'Turn off tracing extensions and exception details (stack traces) in production.',
    run: async (ctx) => {
      for (const query of ['query { __typename }', 'query { __typename(sbProbe: 1) }']) {
        const x = await ctx.send(query, 'json');
        if (x instanceof Error) return { status: 'skip', detail: `no answer: ${x.message}` };
        const r = asResult(x.json);
        const tracing = r?.extensions?.['tracing'] !== undefined;
        const exception = (r?.errors ?? []).some((e) => e.extensions?.['exception'] !== undefined || e.extensions?.['stacktrace'] !== undefined);
        if (tracing || exception || /stacktrace|\n\s+at .*:\d+:\d+/i.test(x.response.body)) {
          return { status: 'fail', detail: tracing ? 'the result carries a tracing extension (resolver timings).' : 'errors carry exception details or a stack trace.', exchange: x };
        }
      }
      return { status: 'pass', detail: 'no tracing extension or stack trace in a result or an error.' };
    },
  },
  {
    id: 'graphql.alias-overloading', title: 'Alias overloading', severity: 'high', cwe: 'CWE-770', fix: `Limit aliases per operation. ${DOS_FIX}`,
    run: viaJson(`query { ${Array.from({ length: ALIASES }, (_, i) => `alias${i}: __typename`).join(' ')} }`, (r, x) =>
      r?.data?.[`alias${ALIASES - 1}`] !== undefined ? { status: 'fail', detail: `${ALIASES} aliases of one field ran in one operation.` } : { status: 'pass', detail: `${ALIASES} aliases were ${rejected(r, x)}` }),
  },
  {
    id: 'graphql.batch', title: 'Array batching', severity: 'high', cwe: 'CWE-770', fix: 'Turn off array batching, or cap the batch size (a batch multiplies every per-request limit).',
    run: async (ctx) => {
      const x = await ctx.send('query { __typename }', 'batch', { copies: BATCH });
      if (x instanceof Error) return { status: 'skip', detail: `no answer: ${x.message}` };
      const ran = Array.isArray(x.json) ? x.json.filter((e) => executed(asResult(e))).length : 0;
      return ran >= BATCH ? { status: 'fail', detail: `a JSON array of ${BATCH} operations ran as one request.`, exchange: x } : { status: 'pass', detail: `a batch of ${BATCH} was not run (${x.response.status}).`, exchange: x };
    },
  },
  {
    id: 'graphql.field-duplication', title: 'Field duplication', severity: 'high', cwe: 'CWE-770', fix: `Limit the fields (or tokens) per operation. ${DOS_FIX}`,
    run: viaJson(`query { ${'__typename '.repeat(DUPLICATES)}}`, (r, x) =>
      executed(r) && r?.data?.['__typename'] !== undefined ? { status: 'fail', detail: `a selection of ${DUPLICATES} copies of one field ran.` } : { status: 'pass', detail: `${DUPLICATES} duplicated fields were ${rejected(r, x)}` }),
  },
  {
    id: 'graphql.directive-overloading', title: 'Directive overloading', severity: 'high', cwe: 'CWE-770', fix: `Limit directives per operation. ${DOS_FIX}`,
    run: viaJson(`query { __typename ${'@sbprobe '.repeat(DIRECTIVES)}}`, (r) => {
      const n = errorMessages(r).filter((m) => /sbprobe/i.test(m)).length;
      return n >= DIRECTIVES ? { status: 'fail', detail: `all ${DIRECTIVES} repeated directives were parsed and validated one by one (${n} errors).` } : { status: 'pass', detail: `${DIRECTIVES} repeated directives were stopped early (${n} directive errors).` };
    }),
  },
  {
    id: 'graphql.circular-introspection', title: 'Circular introspection query', severity: 'high', cwe: 'CWE-400', fix: 'Turn off introspection in production, or count introspection fields in the depth limit.',
    run: viaJson('query { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }', (r, x) => {
      const types = (r?.data?.['__schema'] as { types?: unknown } | undefined)?.types;
      const ran = Array.isArray(types) || (x.json === undefined && x.response.status === 200 && x.response.body.startsWith('{"data":{"__schema"'));
      return ran ? { status: 'fail', detail: `a circular introspection query (8 levels of __Type.fields) ran${Array.isArray(types) ? ` over ${types.length} types` : ''}.` } : { status: 'pass', detail: `the circular introspection query was ${rejected(r, x)}` };
    }, 1024 * 1024),
  },
  {
    id: 'graphql.get-query', title: 'Queries over GET (possible CSRF)', severity: 'medium', cwe: 'CWE-352', fix: 'Accept GET only with a CSRF defence (a required non-simple header), or only POST with application/json.',
    run: async (ctx) => viaGet(ctx, 'query { __typename }', 'a query sent as GET ?query= ran: a cross-site <img> or link can trigger it with the victim\'s cookies.'),
  },
  {
    id: 'graphql.get-mutation', title: 'Mutations over GET (CSRF)', severity: 'medium', cwe: 'CWE-352', fix: 'Never run mutations from GET requests (the GraphQL over HTTP spec forbids it).',
    run: async (ctx) => viaGet(ctx, 'mutation { __typename }', 'a mutation sent as GET ?query= ran: any cross-site link can change state.'),
  },
  {
    id: 'graphql.post-form', title: 'POST with a url-encoded body (CSRF)', severity: 'medium', cwe: 'CWE-352', fix: 'Accept only application/json (or application/graphql-response+json) bodies: a cross-site form can send url-encoded ones without a preflight.',
    run: async (ctx) => {
      const x = await ctx.send('query { __typename }', 'form');
      if (x instanceof Error) return { status: 'skip', detail: `no answer: ${x.message}` };
      const r = asResult(x.json);
      return r?.data?.['__typename'] !== undefined ? { status: 'fail', detail: 'a query in an application/x-www-form-urlencoded POST ran: an HTML form on any site can send it.', exchange: x } : { status: 'pass', detail: `a url-encoded POST was not run (${x.response.status}).`, exchange: x };
    },
  },
  {
    id: 'graphql.depth-limit', title: 'Depth limit', severity: 'high', cwe: 'CWE-770', fix: `Reject operations nested deeper than your deepest real query. ${DOS_FIX}`,
    run: async (ctx) => {
      if (!ctx.schema) return { status: 'skip', detail: 'needs the schema, and introspection is off: probe a development build to check it.' };
      const query = depthQuery(ctx.schema, PROBE_DEPTH);
      if (!query) return { status: 'pass', detail: `the schema has no path ${PROBE_DEPTH} levels deep (deepest: ${schemaDepth(ctx.schema, PROBE_DEPTH)}), so nesting is bounded by the schema.` };
      return viaJson(query, (r, x) => (executed(r) ? { status: 'fail', detail: `a query nested ${PROBE_DEPTH} levels deep ran.` } : { status: 'pass', detail: `a query nested ${PROBE_DEPTH} levels deep was ${rejected(r, x)}` }))(ctx);
    },
  },
  {
    id: 'graphql.cost-limit', title: 'Cost limit', severity: 'high', cwe: 'CWE-400', fix: `Estimate each operation's cost (list sizes multiply) and reject expensive ones. ${DOS_FIX}`,
    run: async (ctx) => {
      if (!ctx.schema) return { status: 'skip', detail: 'needs the schema, and introspection is off: probe a development build to check it.' };
      const built = costQuery(ctx.schema, COST_DEPTH);
      if (!built || built.cost < EXPENSIVE_COST) return { status: 'pass', detail: `the schema cannot form an expensive query ${COST_DEPTH} levels deep (nominal cost ${built?.cost ?? 0} < ${EXPENSIVE_COST}).` };
      return viaJson(built.query, (r, x) => (executed(r) ? { status: 'fail', detail: `a query of nominal cost ${built.cost} (lists of ${COST_LIST_SIZE}, ${COST_DEPTH} levels) ran.` } : { status: 'pass', detail: `a query of nominal cost ${built.cost} was ${rejected(r, x)}` }))(ctx);
    },
  },
];

async function viaGet(ctx: CheckContext, query: string, failure: string): Promise<CheckVerdict> {
  const x = await ctx.send(query, 'get');
  if (x instanceof Error) return { status: 'skip', detail: `no answer: ${x.message}` };
  const r = asResult(x.json);
  return r?.data?.['__typename'] !== undefined ? { status: 'fail', detail: failure, exchange: x } : { status: 'pass', detail: `not run over GET (${x.response.status}).`, exchange: x };
}

/** A misspelt field of the query root, when the schema is known. */
function firstQueryField(schema: ProbeSchema | undefined): string | undefined {
  const root = schema?.types.get(schema.queryType);
  const name = root?.fields.find((f) => f.name.length > 3 && !f.name.startsWith('__'))?.name;
  if (!root || !name) return undefined;
  // A misspelling that is not itself a field: graphql-js suggests names within a small edit distance.
  return [`${name}x`, `${name}zq`].find((typo) => !root.fields.some((f) => f.name === typo));
}
