import path from 'node:path';

/**
 * The folder the user typed the command in. `pnpm sb …` (and `npm run`) run the bin from the package root and
 * put the user's folder in `INIT_CWD`; it is used when it lies inside the process's folder (so a stale
 * `INIT_CWD` inherited by a child process started elsewhere is ignored).
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const init = env['INIT_CWD'];
  if (init === undefined || init === '') return cwd;
  const rel = path.relative(cwd, path.resolve(init));
  return rel.startsWith('..') || path.isAbsolute(rel) ? cwd : path.resolve(init);
}
