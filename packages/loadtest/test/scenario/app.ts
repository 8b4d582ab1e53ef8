import { startServer, type TestServer } from '../helpers/servers.js';

/**
 * The flow on a real server: POST /login → {"token":"t-<user>"}; GET /items/<token> answers 200 only with
 * `authorization: Bearer <token>` (else 401); POST /graphql answers `errors` (status 200) when the query has
 * "broken". Every request it saw is in `received`.
 */
export function flowServer(): Promise<TestServer> {
  let logins = 0;
  return startServer((req, res) => {
    const url = req.url ?? '';
    if (req.method === 'POST' && url === '/login') {
      logins++;
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-session', `s-${logins}`);
      return res.end(JSON.stringify({ token: `t-${logins}`, user: { id: logins } }));
    }
    const item = /^\/items\/(.+)$/.exec(url);
    if (req.method === 'GET' && item) {
      res.statusCode = req.headers.authorization === `Bearer ${item[1]}` ? 200 : 401;
      return res.end(`item ${item[1]}`);
    }
    if (req.method === 'POST' && url === '/graphql') {
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify({ data: { ok: true } }));
    }
    res.statusCode = 404;
    res.end();
  });
}
