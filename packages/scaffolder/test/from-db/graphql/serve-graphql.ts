import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Framework } from '../../../src/index.js';

/** A generated GraphQL service mounted in a real app on 127.0.0.1, port 0, with a `post` helper. */
export interface GraphqlService {
  readonly url: string;
  post(query: string, variables?: Record<string, unknown>): Promise<GraphqlReply>;
  close(): Promise<void>;
}

export interface GraphqlReply {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: { message: string; extensions?: { code?: string } }[];
}

/** Imports `<dir>/mount.gen.ts` (DATABASE_URL must be set: `db/connection.ts` reads it on import) and serves it. */
export async function serveGraphql(dir: string, framework: Framework): Promise<GraphqlService> {
  const { mountGraphql } = (await import(`${dir}/mount.gen.ts`)) as { mountGraphql: (app: unknown) => void };
  const { db } = (await import(`${dir}/db/connection.ts`)) as { db: { destroy(): Promise<void> } };
  let url: string;
  let stop: () => Promise<void>;
  if (framework === 'fastify') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify();
    mountGraphql(app);
    url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
    stop = () => app.close();
  } else {
    const app = framework === 'express' ? (await import('express')).default() : new (await import('koa')).default();
    mountGraphql(app);
    const server = await new Promise<Server>((resolve) => {
      const s = (app as { listen: (port: number, host: string, cb: () => void) => Server }).listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return {
    url,
    async post(query, variables) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(10_000) });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async close() {
      await stop();
      await db.destroy();
    },
  };
}

/** `data[field]` of a reply that must have data (else the errors are the failure). */
export function dataOf<T>(reply: GraphqlReply, field: string): T {
  if (!reply.data) throw new Error(`no data: ${JSON.stringify(reply.errors)}`);
  return reply.data[field] as T;
}
