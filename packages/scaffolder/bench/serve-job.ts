/**
 * Serves one generated Fastify tree on 127.0.0.1 (ephemeral port) in its own process, so the load generator
 * and the server do not share an event loop:  serve-job.ts <dir>   → prints `{"url": "…"}` once listening.
 */
const dir = process.argv[2]!;
const mod = (await import(`${dir}/app.gen.ts`)) as { createApp: (o: Record<string, unknown>) => { listen(o: { port: number; host: string }): Promise<string> } };
const authenticate = (c: { token?: string }): unknown => (c.token === 'good' ? { user: 'bench' } : null);
const url = await mod.createApp({ authenticate }).listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ url }));
process.on('SIGTERM', () => process.exit(0));
