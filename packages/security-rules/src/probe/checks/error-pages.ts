import { randomBytes } from 'node:crypto';
import type { ProbeClient, ProbeRequest, ProbeResponse } from '../http/client.js';
import type { ProbeFinding } from '../report/types.js';
import { findLeak } from './leaks.js';

/**
 * Error handling: an unknown path and a malformed JSON body must get a 4xx without a stack trace or a
 * database message. Express's default error handler prints the stack unless NODE_ENV=production.
 */
export async function probeErrorPages(client: ProbeClient, jsonPath: string): Promise<{ findings: ProbeFinding[]; responses: { route: string; response: ProbeResponse }[] }> {
  const missing = `/sb-probe-missing-${randomBytes(4).toString('hex')}`;
  const malformedBody = '{"sb-probe": ';
  const probes: { id: string; route: string; path: string; req: ProbeRequest & { body?: string } }[] = [
    { id: 'errors.not-found', route: `GET ${missing}`, path: missing, req: { method: 'GET', path: missing, headers: { accept: 'text/html,application/json' } } },
    { id: 'errors.malformed-json', route: `POST ${jsonPath}`, path: jsonPath, req: { method: 'POST', path: jsonPath, headers: { 'content-type': 'application/json' }, body: malformedBody } },
  ];
  const findings: ProbeFinding[] = [];
  const responses: { route: string; response: ProbeResponse }[] = [];
  for (const p of probes) {
    const res = await client.trySend(p.req);
    if (res instanceof Error) {
      findings.push({ id: p.id, category: 'errors', route: p.route, title: TITLES[p.id] ?? p.id, severity: 'info', status: 'skip', detail: `no answer: ${res.message}` });
      continue;
    }
    responses.push({ route: p.route, response: res });
    findings.push(judge(p.id, p.route, client.url(p.path).href, res, p.req.body));
  }
  return { findings, responses };
}

const TITLES: Record<string, string> = {
  'errors.not-found': 'Unknown path gets a clean 404',
  'errors.malformed-json': 'Malformed JSON gets a clean 400',
};

function judge(id: string, route: string, url: string, res: ProbeResponse, body: string | undefined): ProbeFinding {
  const leak = findLeak(res.body);
  const crashed = res.status >= 500;
  const title = TITLES[id] ?? id;
  const evidence = [{ method: route.split(' ')[0] ?? 'GET', url, ...(body ? { requestBody: body } : {}), status: res.status, responseBody: leak ?? res.body.slice(0, 200) }];
  if (leak) {
    return { id, category: 'errors', route, title, severity: 'high', status: 'fail', cwe: 'CWE-209', detail: `the ${res.status} response shows server internals: "${leak}".`, fix: 'Send a generic error body; log the stack server-side (Express: NODE_ENV=production or your own error handler).', evidence };
  }
  if (crashed) {
    return { id, category: 'errors', route, title, severity: 'medium', status: 'fail', cwe: 'CWE-755', detail: `answered ${res.status}: bad input should be a 4xx, not a server error.`, fix: 'Handle parse errors in an error handler that answers 400.', evidence };
  }
  return { id, category: 'errors', route, title, severity: 'medium', status: 'pass', detail: `answered ${res.status} without internals.` };
}
