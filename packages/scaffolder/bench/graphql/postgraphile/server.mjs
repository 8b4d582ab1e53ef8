// PostGraphile 5 (Amber preset, grafserv's Node adaptor) on DATABASE_URL, schema public, on PORT: the peer of
// the sb database-first service in bench/graphql. Production settings: no GraphiQL, no watch, no explain.
// Prints `GraphQL on <url>` once listening, like the sb service.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (e) => {
  console.error(e);
  process.exit(1);
});
await serv.addTo(server);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`GraphQL on http://127.0.0.1:${port}/graphql`);
});
process.on('SIGTERM', () => {
  server.close();
  void pgl.release().then(() => process.exit(0));
});
