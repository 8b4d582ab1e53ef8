import { Command, Flags } from '@oclif/core';
import { isSbError } from '@sb/errors';
import { RunSession } from './run-session.js';

/** Exit codes every `sb` command uses. */
export const ExitCode = {
  /** The command ran and everything it checked passed. */
  ok: 0,
  /** The command ran and a check failed: regression, finding, drift, refused change. */
  checkFailed: 1,
  /** Bad usage or bad input: nothing was done. */
  usage: 2,
  /** A bug in sb (an unexpected error): `EX_SOFTWARE` from sysexits, never 1, which means "a check failed". */
  crash: 70,
  /** Stopped by Ctrl-C (an `*_ABORTED` error): 128 + SIGINT, as a shell reports it. */
  aborted: 130,
} as const;

/**
 * The base of every `sb` command: `--json` (oclif prints what `run()` returns), `--verbose`, and the one
 * place where errors become a single clear line and an exit code.
 */
export abstract class SbCommand extends Command {
  static override enableJsonFlag = true;

  static override baseFlags = {
    verbose: Flags.boolean({ description: 'Print stack traces for errors.', helpGroup: 'GLOBAL' }),
  };

  /** Marks the run as a failed check (exit 1) while still printing its result. */
  protected failCheck(): void {
    process.exitCode = ExitCode.checkFailed;
  }

  /** True when progress may be drawn: stderr is a terminal and no machine output was asked for. */
  protected get interactive(): boolean {
    return Boolean(process.stderr.isTTY) && !this.jsonEnabled() && process.env['CI'] !== 'true';
  }

  /**
   * The second argument of the command's one long-running library call, `{ signal, onProgress }`: Ctrl-C aborts
   * the call, progress is drawn on stderr when {@link interactive}. Call `end()` once the call settled.
   */
  protected startRun(): RunSession {
    return new RunSession(this.interactive);
  }

  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    const verbose = this.argv.includes('--verbose');
    let code = 'SB_UNEXPECTED';
    let exit: number = ExitCode.crash;
    if (isSbError(err)) {
      code = err.code;
      exit = code.endsWith('_ABORTED') ? ExitCode.aborted : ExitCode.usage;
    } else if (err.oclif?.exit !== undefined) {
      // oclif's own parse errors (unknown flag, missing argument) are usage errors.
      if (err.oclif.exit === 0) return undefined;
      code = 'SB_USAGE';
      exit = ExitCode.usage;
    }
    if (this.jsonEnabled()) {
      this.logJson({ error: { code, message: err.message } });
    } else {
      const line = err.message.split('\n')[0] ?? err.message;
      this.logToStderr(`error [${code}]: ${code === 'SB_UNEXPECTED' ? err.message : line}`);
      if (verbose || code === 'SB_UNEXPECTED') this.logToStderr(err.stack ?? String(err));
      else if (err.message.includes('\n')) this.logToStderr(err.message.split('\n').slice(1).join('\n'));
    }
    process.exitCode = exit;
    return undefined;
  }
}
