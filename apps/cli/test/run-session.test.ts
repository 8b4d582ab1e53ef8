import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { listenOnLoopback } from '@sb/test-utils';
import { describe, expect, it } from 'vitest';
import { RunSession } from '../src/base/run-session.js';
import { formatProgress, ProgressLine } from '../src/format/progress-line.js';

const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url));

describe('progress, the same for every library', () => {
  it('renders any library\'s event as "phase: message" with a share when it counts', () => {
    expect(formatProgress({ phase: 'emit', message: 'generating express code for 19 operations' })).toBe('emit: generating express code for 19 operations');
    expect(formatProgress({ phase: 'rules', message: 'rule 3/40: sql-injection', done: 2, total: 40 })).toBe('rules: rule 3/40: sql-injection · 5%');
    expect(formatProgress({ phase: 'measure', message: 'load 12.0/30 s', done: 12_000, total: 30_000 })).toBe('measure: load 12.0/30 s · 40%');
    expect(formatProgress({ phase: 'validation', message: 'POST /x\u001b[2J (3 requests sent)' })).toBe('validation: POST /x�[2J (3 requests sent)');
  });

  it('draws a new phase at once and throttles repeats of the same phase', () => {
    const writes: string[] = [];
    const stream = { columns: 80, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream;
    const line = new ProgressLine(true, stream);
    line.show({ phase: 'load', message: 'a' });
    line.show({ phase: 'emit', message: 'b' });
    line.show({ phase: 'emit', message: 'c' });
    line.done();
    expect(writes).toEqual(['\r\x1b[2Kload: a', '\r\x1b[2Kemit: b', '\r\x1b[2K']);
  });

  it('aborts the call on Ctrl-C and stops listening once ended', () => {
    const before = process.listenerCount('SIGINT');
    const run = new RunSession(false);
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    process.emit('SIGINT');
    expect(run.signal.aborted).toBe(true);
    run.end();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  it('sb security probe: Ctrl-C mid-probe stops it with one line and exit 130', async () => {
    let child: ReturnType<typeof spawn> | undefined;
    // The target never answers: the probe is mid-request when Ctrl-C arrives.
    const server = createServer(() => child?.kill('SIGINT'));
    const app = await listenOnLoopback(server);
    try {
      child = spawn(process.execPath, [BIN, 'security', 'probe', app.url], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child!.on('close', resolve));
      expect(stderr.trim()).toBe(`error [SECRULES_ABORTED]: probe of ${app.url} was aborted`);
      expect(code).toBe(130);
    } finally {
      await app.close();
    }
  });
});
