import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The built `sb` binary. */
export const BIN = fileURLToPath(new URL('../../../bin/run.js', import.meta.url));

/** How a finished process ended. */
export interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a user's shell: nothing pnpm set for this test run (INIT_CWD, npm_config_*). */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|pnpm_|INIT_CWD$|VITEST|NODE_OPTIONS$)/i.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** Runs a command to its end (its process group killed after `timeoutMs`) and collects its output. */
export function run(cmd: string, args: readonly string[], cwd: string, timeoutMs: number, env: Record<string, string> = {}): Promise<Done> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: userEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `sb …` as a user runs it. */
export const sb = (args: readonly string[], cwd: string, timeoutMs = 180_000): Promise<Done> => run(process.execPath, [BIN, ...args], cwd, timeoutMs);
/** `npm …` as a user runs it. */
export const npm = (args: readonly string[], cwd: string, timeoutMs = 300_000): Promise<Done> => run('npm', args, cwd, timeoutMs);

/** Throws with the tail of the output unless the step exited 0. */
export function step(name: string, r: Done): Done {
  if (r.code !== 0) throw new Error(`${name} exited with ${r.code}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r;
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A started server: its output so far, and how to stop it (its whole process group). */
export interface Started {
  stop: () => Promise<void>;
  output: () => string;
}

/** Starts `cmd args` in its own process group; resolves once its output matches `ready` (60 s at most). */
export async function start(cmd: string, args: readonly string[], cwd: string, env: Record<string, string>, ready: RegExp): Promise<Started> {
  const child = spawn(cmd, args, { cwd, env: userEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} ${args.join(' ')} did not get ready within 60 s:\n${output}`)), 60_000);
    const onData = (d: string): void => {
      output += d;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('close', (code) => reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${output}`)));
  });
  return {
    output: () => output,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    },
  };
}
