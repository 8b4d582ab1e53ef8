import { Errors, Flags } from '@oclif/core';
import type { ProbeOptions } from '@sb/security-rules/probe';
import { headersFromFlags } from './headers.js';

/** A whole-number flag (range checks are the library's); anything else exits 2. */
export const probeIntFlag = Flags.custom<number>({
  parse: async (input: string) => {
    const value = Number(input);
    if (!/^\d+$/.test(input.trim()) || !Number.isSafeInteger(value)) throw new Errors.CLIError(`expected a whole number, got ${JSON.stringify(input)}`, { exit: 2 });
    return value;
  },
});

/** `--login-body` JSON text → value; invalid JSON exits 2. */
export function parseLoginBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Errors.CLIError(`--login-body is not valid JSON: ${(err as Error).message}`, { exit: 2 });
  }
}

/** The flags of `sb security probe` this adapter reads. */
export interface ProbeFlags {
  spec?: string; login?: string; 'login-body'?: string; route?: string; burst?: number; concurrency?: number; header?: string[];
  timeout?: number; 'max-time'?: number; only?: string[]; 'fail-on': string; 'allow-remote': boolean; graphql?: boolean;
}

/** Flags → library options (pure). */
export function toProbeOptions(url: string, f: ProbeFlags): ProbeOptions {
  return {
    url,
    ...(f.spec === undefined ? {} : { spec: f.spec }),
    ...(f.login === undefined ? {} : { login: f.login }),
    ...(f['login-body'] === undefined ? {} : { loginBody: parseLoginBody(f['login-body']) }),
    ...(f.route === undefined ? {} : { rateLimitRoute: f.route }),
    ...(f.burst === undefined ? {} : { burst: f.burst }),
    ...(f.concurrency === undefined ? {} : { burstConcurrency: f.concurrency }),
    ...(f.header ? { headers: headersFromFlags(f.header) } : {}),
    ...(f.timeout === undefined ? {} : { timeoutMs: f.timeout }),
    ...(f['max-time'] === undefined ? {} : { maxTimeMs: f['max-time'] * 1000 }),
    ...(f.only ? { only: f.only as NonNullable<ProbeOptions['only']> } : {}),
    ...(f.graphql === undefined ? {} : { graphql: f.graphql }),
    failOn: f['fail-on'] as ProbeOptions['failOn'] & string,
    allowRemote: f['allow-remote'],
  };
}
