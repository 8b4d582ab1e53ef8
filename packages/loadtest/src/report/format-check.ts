import type { LoadCheck } from '../check/types.js';
import { formatComparison, formatReport } from './format-report.js';
import { formatScenarioReport } from './format-scenario.js';

/**
 * The human report of `runLoadCheck`: the run, comparison or scenario report, then where the files went
 * (`report written to /abs/report.html`).
 */
export function formatLoadCheck(check: LoadCheck): string {
  const text =
    check.kind === 'compare'
      ? formatComparison(check.comparison)
      : check.kind === 'scenario'
        ? formatScenarioReport(check.result)
        : formatReport(check.result, check.baseline ? { baseline: check.baseline } : {});
  const files = [
    ...(check.written.html ? [`report written to ${check.written.html}`] : []),
    ...(check.written.saved ? [`${check.kind === 'run' && check.result.shard ? 'shard' : 'baseline'} saved to ${check.written.saved}`] : []),
  ];
  return files.length === 0 ? text : `${text}\n${files.join('\n')}\n`;
}
