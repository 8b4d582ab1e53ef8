import type { AddressInfo, Server, Socket } from 'node:net';

/** A server listening on 127.0.0.1 on a port the system chose. */
export interface Listening {
  /** `http://127.0.0.1:PORT` (or `https://` when `protocol` says so). */
  readonly url: string;
  readonly port: number;
  /** Destroys open sockets (keep-alive ones too) and closes the server. */
  close(): Promise<void>;
}

/**
 * Starts `server` on 127.0.0.1, port 0, with a deep accept backlog (a load test opens many connections at
 * once), and tracks its sockets so `close()` does not wait for keep-alive connections to time out.
 */
export async function listenOnLoopback(server: Server, protocol: 'http' | 'https' = 'http'): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${protocol}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
