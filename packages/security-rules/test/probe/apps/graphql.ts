import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { buildSchema, execute, MaxIntrospectionDepthRule, parse, specifiedRules, validate, type ExecutionResult } from 'graphql';
import { createSchema, createYoga, isIntrospectionOperationString, type Plugin } from 'graphql-yoga';
import { listen, type RunningApp } from './variant.js';

/** A small schema with a cycle (User.posts → Post.author → User) and paginated lists. */
export const SDL = /* GraphQL */ `
  type Query { users(first: Int): [User!]! user(id: ID!): User posts(first: Int): [Post!]! }
  type Mutation { createUser(name: String!): User! }
  type User { id: ID! name: String! posts(first: Int): [Post!]! }
  type Post { id: ID! title: String! author: User! }
`;

const USERS = Array.from({ length: 3 }, (_, i) => ({ id: String(i + 1), name: `user ${i + 1}` }));
const POSTS = Array.from({ length: 6 }, (_, i) => ({ id: String(i + 1), title: `post ${i + 1}`, authorId: String((i % 3) + 1) }));
type UserRow = (typeof USERS)[number];
type PostRow = (typeof POSTS)[number];
const take = <T>(rows: T[], first: unknown): T[] => rows.slice(0, typeof first === 'number' ? first : rows.length);

const schema = buildSchema(SDL);
const resolvers = {
  users: (args: { first?: number }) => take(USERS, args.first).map(user),
  user: (args: { id: string }) => {
    const row = USERS.find((u) => u.id === args.id);
    return row ? user(row) : null;
  },
  posts: (args: { first?: number }) => take(POSTS, args.first).map(post),
  createUser: (args: { name: string }) => user({ id: String(USERS.length + 1), name: args.name }),
};
function user(row: UserRow): unknown {
  return { ...row, posts: (args: { first?: number }) => take(POSTS.filter((p) => p.authorId === row.id), args.first).map(post) };
}
function post(row: PostRow): unknown {
  return { ...row, author: () => user(USERS.find((u) => u.id === row.authorId) ?? USERS[0]!) };
}

const GRAPHIQL_PAGE = '<!doctype html><html><head><title>GraphiQL</title><link rel="stylesheet" href="https://unpkg.com/graphiql/graphiql.min.css"></head><body><div id="graphiql"></div></body></html>';

/**
 * A deliberately open GraphQL server on node:http + graphql-js: queries and mutations over GET, url-encoded
 * POSTs, array batching, GraphiQL, introspection and suggestions on, no limit, tracing and stack traces in
 * every result. Everything graphql-cop looks for.
 */
export async function startOpenGraphql(): Promise<RunningApp> {
  const server = createServer((req, res) => {
    void handleOpen(req, res).catch((err: unknown) => send(res, 500, { errors: [{ message: String(err) }] }));
  });
  return listen(server);
}

async function handleOpen(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!['/graphql', '/graphiql'].includes(url.pathname)) return send(res, 404, { error: 'not found' });
  if (req.method === 'GET' && !url.searchParams.has('query')) {
    res.writeHead(200, { 'content-type': 'text/html' }).end(GRAPHIQL_PAGE);
    return;
  }
  let payload: unknown;
  if (req.method === 'GET') payload = { query: url.searchParams.get('query') };
  else {
    const body = await readBody(req);
    payload = (req.headers['content-type'] ?? '').includes('urlencoded') ? { query: new URLSearchParams(body).get('query') } : JSON.parse(body);
  }
  const run = async (p: { query?: string }): Promise<unknown> => {
    const started = Date.now();
    const result = await runOpen(p.query ?? '');
    return {
      ...result,
      ...(result.errors ? { errors: result.errors.map((e) => ({ message: e.message, extensions: { exception: { stacktrace: (e.stack ?? '').split('\n') } } })) } : {}),
      extensions: { tracing: { version: 1, duration: (Date.now() - started) * 1e6 } },
    };
  };
  send(res, 200, Array.isArray(payload) ? await Promise.all(payload.map(run)) : await run(payload as { query?: string }));
}

/** graphql-js without its one built-in limit (the introspection depth rule of 16.9+). */
async function runOpen(source: string): Promise<ExecutionResult> {
  let document;
  try {
    document = parse(source);
  } catch (err) {
    return { errors: [err as never] };
  }
  const errors = validate(schema, document, specifiedRules.filter((r) => r !== MaxIntrospectionDepthRule));
  if (errors.length > 0) return { errors };
  return execute({ schema, document, rootValue: resolvers });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * GraphQL Yoga behind graphql-armor (depth 6, cost 50, 15 aliases, 5 directives, 300 tokens, no suggestions),
 * no batching, no GraphiQL, masked errors, JSON POST only. `introspection: false` also refuses
 * introspection, as production should.
 */
export async function startProtectedGraphql(options: { introspection: boolean }): Promise<RunningApp> {
  const armor = EnvelopArmorPlugin({
    maxDepth: { n: 6 },
    costLimit: { maxCost: 50 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 5 },
    maxTokens: { n: 300 },
    blockFieldSuggestion: { enabled: true },
  });
  const jsonPostOnly: Plugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      const json = (request.headers.get('content-type') ?? '').startsWith('application/json');
      if (request.method !== 'POST' || !json) endResponse(new fetchAPI.Response(JSON.stringify({ errors: [{ message: 'POST application/json only' }] }), { status: 405, headers: { 'content-type': 'application/json' } }));
    },
  };
  // Not graphql-js's NoSchemaIntrospectionCustomRule: under vitest, this file and Yoga load two copies of graphql-js.
  const noIntrospection: Plugin = {
    onParams({ params, setResult }) {
      if (isIntrospectionOperationString(params.query ?? '')) setResult({ errors: [{ message: 'introspection is disabled' }] } as never);
    },
  };
  const yoga = createYoga({
    schema: createSchema({ typeDefs: SDL, resolvers: { Query: { users: (_: unknown, a: { first?: number }) => resolvers.users(a), user: (_: unknown, a: { id: string }) => resolvers.user(a), posts: (_: unknown, a: { first?: number }) => resolvers.posts(a) }, Mutation: { createUser: (_: unknown, a: { name: string }) => resolvers.createUser(a) } } }),
    graphiql: false,
    landingPage: false,
    batching: false,
    plugins: [jsonPostOnly, armor, ...(options.introspection ? [] : [noIntrospection])],
  });
  return listen(createServer(yoga));
}
