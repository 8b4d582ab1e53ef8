import type { ProbeFinding, ProbeProgress, ProbeReport } from '@sb/security-rules/probe';

/** Drops control characters (ANSI escapes included) from text the target sent: the terminal is ours. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}

const MARK = { fail: 'FAIL', skip: 'SKIP', pass: 'ok  ' } as const;

/** The live progress line. */
export function formatProbeProgress(p: ProbeProgress): string {
  return clean(`probing: ${p.phase} — ${p.message} (${p.requests} requests)`);
}

function formatFinding(f: ProbeFinding, verbose: boolean): string[] {
  const route = f.route ? ` ${f.route}` : '';
  const lines = [`${MARK[f.status]}  ${f.severity.padEnd(6)}  ${f.id}${route}`, `        ${f.title}: ${f.detail}`];
  if (f.status === 'fail' && f.fix) lines.push(`        fix: ${f.fix}`);
  if (f.status === 'fail' && verbose) {
    for (const e of f.evidence ?? []) {
      lines.push(`        ${e.method} ${e.url}${e.status === undefined ? '' : ` → ${e.status}`}`);
      for (const [k, v] of Object.entries(e.responseHeaders ?? {})) lines.push(`          ${k}: ${v}`);
      if (e.responseBody) lines.push(`          body: ${e.responseBody.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
  return lines;
}

/** The text report: score, failures (all findings with `all`), rate-limit and validation summaries, totals. */
export function formatProbeReport(r: ProbeReport, options: { all?: boolean; verbose?: boolean } = {}): string {
  const o = r.observatory;
  const out = [
    `sb security probe ${r.target} (${r.contentType}, ${r.status}) — ${r.summary.requests} requests in ${(r.durationMs / 1000).toFixed(1)} s`,
    `Observatory-compatible score: ${o.score} (${o.grade}), ${o.testsPassed}/${o.testsPassed + o.testsFailed} tests pass`,
    '',
  ];
  const shown = r.findings.filter((f) => options.all || f.status === 'fail');
  for (const f of shown) out.push(...formatFinding(f, options.verbose === true));
  if (shown.length === 0) out.push('no failed probe.');
  out.push('');
  if (r.rateLimit) {
    const rl = r.rateLimit;
    const codes = Object.entries(rl.statusCodes).map(([c, n]) => `${n}×${c}`).join(', ');
    out.push(
      rl.limited
        ? `rate limit: ${rl.route} answered 429 after ${rl.firstLimitedAfter} of ${rl.requests} requests (${codes}); ${Object.keys(rl.headers).length ? Object.entries(rl.headers).map(([k, v]) => `${k}: ${v}`).join('; ') : 'no Retry-After / RateLimit-* headers'}`
        : `rate limit: ${rl.route}: no 429 in ${rl.requests} requests (${codes})`,
    );
  }
  if (r.validation) out.push(`validation: ${r.validation.map((v) => `${v.route} (${v.cases} case${v.cases === 1 ? '' : 's'})`).join(', ') || 'no operation with a JSON body or typed path parameter in the spec'}`);
  const s = r.summary;
  const bySeverity = (['high', 'medium', 'low', 'info'] as const).filter((k) => s.bySeverity[k] > 0).map((k) => `${s.bySeverity[k]} ${k}`).join(', ');
  out.push(`${s.failed} failed${bySeverity ? ` (${bySeverity})` : ''}, ${s.passed} passed, ${s.skipped} skipped — ${r.ok ? `no failure at or above ${r.failOn}` : `${s.gating} failure(s) at or above ${r.failOn}`}`);
  return clean(out.join('\n'));
}
