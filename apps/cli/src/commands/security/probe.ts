import { Args, Flags } from '@oclif/core';
import type { ProbeReport } from '@sb/security-rules/probe';
import { SbCommand } from '../../base/sb-command.js';
import { formatProbeReport } from '../../format/security-probe.js';
import { probeIntFlag, toProbeOptions } from '../../options/security-probe.js';

const FAMILIES = ['headers', 'cors', 'cookies', 'rate-limit', 'validation', 'graphql'] as const;

export default class SecurityProbe extends SbCommand {
  static override summary = 'Attack a running API on this machine: headers, CORS, cookies, rate limiting, input validation, GraphQL.';
  static override description = 'Loopback targets only unless --allow-remote. Every probe is bounded in requests and time. Exit 1 when a probe at or above --fail-on fails, 2 on bad input or an unreachable target.';
  static override examples = [
    '<%= config.bin %> security probe http://127.0.0.1:3000',
    '<%= config.bin %> security probe http://127.0.0.1:3000 --spec openapi.yaml --login /auth/login',
    '<%= config.bin %> security probe http://127.0.0.1:3000 --route "GET /api/items" -H "Authorization: Bearer $TOKEN" --json',
    '<%= config.bin %> security probe http://127.0.0.1:3000/graphql --graphql --only graphql',
  ];
  static override args = { url: Args.string({ description: 'Base URL of the running API.', required: true }) };
  static override flags = {
    spec: Flags.string({ description: 'OpenAPI 3 file (YAML/JSON): probe every operation with invalid input.' }),
    login: Flags.string({ description: 'Login route path: burst it to check rate limiting (POST, JSON body).' }),
    'login-body': Flags.string({ description: 'JSON body for the login burst (default: wrong credentials).' }),
    route: Flags.string({ description: 'Route to burst when there is no login route, e.g. "GET /api/items".' }),
    burst: probeIntFlag({ description: 'Requests in the rate-limit burst (default 60, at most 1000).' }),
    concurrency: probeIntFlag({ description: 'Concurrency of the burst (default 4).' }),
    header: Flags.string({ char: 'H', description: '"Name: value" sent with every probe (repeatable).', multiple: true }),
    timeout: probeIntFlag({ description: 'Per-request timeout in ms (default 5000).' }),
    'max-time': probeIntFlag({ description: 'Deadline of the whole probe in seconds (default 120).' }),
    graphql: Flags.boolean({ description: 'GraphQL checks (graphql-cop\'s twelve, depth and cost): the URL, or /graphql and other common paths, must be GraphQL. Default: run them when one of those paths answers GraphQL; --no-graphql never.', allowNo: true }),
    only: Flags.string({ description: 'Run only these probe families (repeatable).', options: [...FAMILIES], multiple: true }),
    'fail-on': Flags.string({ description: 'Exit 1 when a probe at or above this severity fails.', options: ['high', 'medium', 'low'], default: 'high' }),
    'allow-remote': Flags.boolean({ description: 'Allow a non-loopback target (only a host you own and may attack).' }),
    all: Flags.boolean({ description: 'List passed and skipped probes too.' }),
  };

  async run(): Promise<ProbeReport> {
    const { args, flags } = await this.parse(SecurityProbe);
    const { probeApi } = await import('@sb/security-rules/probe');
    const run = this.startRun();
    const report = await probeApi(toProbeOptions(args.url, flags), run).finally(() => run.end());
    if (!this.jsonEnabled()) this.log(formatProbeReport(report, { all: flags.all, verbose: flags.verbose === true }));
    if (!report.ok) this.failCheck();
    return report;
  }
}
