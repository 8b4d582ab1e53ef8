import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The result of the MDN HTTP Observatory's own scanner (`@mdn/mdn-http-observatory`). */
export interface OracleResult {
  readonly scan: { readonly score: number; readonly grade: string };
  readonly tests: Readonly<Record<string, { readonly result: string; readonly scoreModifier: number; readonly pass: boolean }>>;
}

const require = createRequire(import.meta.url);
const PACKAGE_DIR = dirname(require.resolve('@mdn/mdn-http-observatory/package.json'));

/**
 * The package's postinstall downloads Chromium's HSTS preload list, which cannot run offline (we install
 * with scripts off). Loopback hosts are never on that list, so an empty list gives the same verdicts.
 */
function ensureHstsList(): void {
  const file = join(PACKAGE_DIR, 'conf', 'hsts-preload.json');
  if (!existsSync(file)) writeFileSync(file, '{}\n');
}

/** Scans `url`'s host with the real Observatory scanner, as `mdn-http-observatory-scan host:port` does. */
export async function observatoryOracle(url: string): Promise<OracleResult> {
  ensureHstsList();
  const scanner = join(PACKAGE_DIR, 'src', 'scanner', 'index.js');
  const { scan } = (await import(scanner)) as { scan(host: string): Promise<OracleResult> };
  return scan(new URL(url).host);
}

/** The Observatory's score table, to check ours is the same. */
export async function observatoryScoreTable(): Promise<Map<string, { modifier: number }>> {
  const charts = join(PACKAGE_DIR, 'src', 'grader', 'charts.js');
  return ((await import(charts)) as { SCORE_TABLE: Map<string, { modifier: number }> }).SCORE_TABLE;
}
