/**
 * The two servers, each in its own process on the same Node binary (the bench's, Node >= 22 for PostGraphile):
 * PostGraphile 5 from bench/graphql/postgraphile (installed there with npm on first use), and the sb service
 * that scaffoldFromDb({ api: 'graphql' }) writes, built with tsc. CPU time of a server process comes from
 * /proc/<pid>/stat (user + system).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Api } from './operations.js';

const run = promisify(execFile);
const PEER = path.join(import.meta.dirname, 'postgraphile');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

export interface Server {
  readonly api: Api;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts `node <script>` with `env` and resolves once it prints `GraphQL on <url>`. */
async function startNode(api: Api, script: string, cwd: string, env: Record<string, string>): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${api} did not start within 60 s:\n${output}`)), 60_000);
    const onData = (d: Buffer): void => {
      output += d.toString();
      const m = /GraphQL on (\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${api} exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    api,
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      child.kill('SIGKILL');
    },
  };
}

/** PostGraphile 5 (Amber preset, grafserv on node:http) in production mode. */
export async function startPostgraphile(databaseUrl: string): Promise<Server> {
  if (!existsSync(path.join(PEER, 'node_modules', 'postgraphile'))) {
    await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEER });
  }
  return startNode('postgraphile', 'server.mjs', PEER, { DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'production' });
}

/** Builds the scaffolded sb service in `dir` (its imports resolve from the workspace) and starts it in production. */
export async function startSb(dir: string, databaseUrl: string): Promise<Server> {
  await run(process.execPath, [TSC, '-p', path.join(dir, 'tsconfig.json')], { maxBuffer: 16 << 20 });
  return startNode('sb', path.join(dir, 'dist', 'server.js'), dir, { DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'production' });
}

/** CPU time (user + system) the process has used so far, ms. Linux only. */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the `(comm)`: state is field 3, utime 14 and stime 15 (1-based), in clock ticks of 10 ms.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
