import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Framework } from '../../src/index.js';

/** A generated app listening on 127.0.0.1, port 0. */
export interface Running {
  readonly url: string;
  close(): Promise<void>;
}

interface ListenableApp {
  listen(...args: unknown[]): unknown;
  close?: () => Promise<void>;
}

/** Imports `<dir>/app.gen.ts`, builds the app with `options` and starts it on an ephemeral port. */
export async function serve(dir: string, framework: Framework, options: Record<string, unknown>): Promise<Running> {
  const mod = (await import(`${dir}/app.gen.ts`)) as { createApp: (o: Record<string, unknown>) => ListenableApp };
  const app = mod.createApp(options);
  if (framework === 'fastify') {
    const url = (await app.listen({ port: 0, host: '127.0.0.1' })) as string;
    return { url, close: () => app.close!() };
  }
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s)) as Server;
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
