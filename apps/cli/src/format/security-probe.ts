import type { ProbeFinding, ProbeReport } from '@sb/security-rules/probe';

/** Drops control characters (ANSI escapes included) from text the target sent: the terminal is ours. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}

const MARK = { fail: 'FAIL', skip: 'SKIP', pass: 'ok  ' } as const;

function formatFinding(f: ProbeFinding, verbose: boolean): string[] {
  const route = f.route ? ` ${f.route}` : '';
  const lines = [`${MARK[f.status]}  ${f.severity.padEnd(6)}  ${f.id}${route}`, `        ${f.title}: ${f.detail}`];
  if (f.status === 'fail' && f.fix) lines.push(`        fix: ${f.fix}`);
  if (f.status === 'fail' && f.curl) lines.push(`        reproduce: ${f.curl}`);
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
  const out = [`sb security probe ${r.target} (${r.contentType}, ${r.status}) — ${r.summary.requests} requests in ${(r.durationMs / 1000).toFixed(1)} s`];
  if (r.observatory) out.push(...formatGrade(r.observatory));
  if (r.graphql) {
    const g = r.graphql;
    out.push(`GraphQL endpoint ${g.endpoint}: introspection ${g.introspection ? `on (${g.types} object types)` : 'off (depth and cost need the schema: probe a development build for them)'}, ${g.requests} requests`);
  }
  out.push('');
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
  out.push(`probes: ${s.failed} failed${bySeverity ? ` (${bySeverity})` : ''}, ${s.passed} passed, ${s.skipped} skipped — ${r.ok ? `no failure at or above ${r.failOn}` : `${s.gating} failure(s) at or above ${r.failOn}`}`);
  return clean(out.join('\n'));
}

/**
 * The header grade. On a plain-HTTP loopback target the score is over the tests that apply, and a second line
 * says what TLS would add; the failing tests are named, so the counts can be matched with the probes below.
 */
function formatGrade(o: NonNullable<ProbeReport['observatory']>): string[] {
  const a = o.applicable;
  const failing = Object.entries(o.tests).filter(([name, t]) => !t.pass && !o.notApplicable.includes(name)).map(([name, t]) => `${name} (${t.scoreModifier})`);
  const failed = failing.length ? `; failing: ${failing.join(', ')}` : '';
  if (o.notApplicable.length === 0) return [`headers, Observatory-compatible: ${o.score} (${o.grade}), ${o.testsPassed}/${o.testsPassed + o.testsFailed} tests pass${failed}`];
  return [
    `headers, Observatory-compatible: ${a.score} (${a.grade}) on plain HTTP, ${a.testsPassed}/${a.testsPassed + a.testsFailed} tests that apply pass${failed}`,
    `  not graded on plain HTTP: ${o.notApplicable.map((n) => `${n} (${o.tests[n]?.scoreModifier ?? 0})`).join(', ')}; they count behind TLS. The Observatory's own score for this target as served now: ${o.score} (${o.grade})`,
  ];
}
