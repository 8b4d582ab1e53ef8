import type { ScanOptions } from '@sb/security-rules/scan';

/** Flags → library options (pure). */
export function toScanOptions(flags: { tsconfig?: string | undefined; config?: string | undefined; baseline?: string | undefined; 'update-baseline'?: boolean; rule?: string[] | undefined }, paths: string[]): ScanOptions {
  return {
    paths,
    ...(flags.tsconfig ? { tsconfig: flags.tsconfig } : {}),
    ...(flags.config ? { config: flags.config } : {}),
    ...(flags.baseline && !flags['update-baseline'] ? { baseline: flags.baseline } : {}),
    ...(flags.rule ? { rules: flags.rule } : {}),
  };
}
