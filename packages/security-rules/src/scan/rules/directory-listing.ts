import { Node } from 'ts-morph';
import type { RuleContext } from '../engine/context.js';
import type { RawFinding } from '../model/finding.js';
import type { Rule } from '../engine/rule.js';
import { followConst, objectProperty } from '../symbols/declarations.js';
import { refOf } from '../symbols/module-ref.js';

const LISTERS = ['serve-index', 'koa-serve-index'];
const STATIC_PLUGINS = ['@fastify/static', 'fastify-static'];
/** Folders that hold what must not be browsed: logs, uploads, backups, configuration, keys, VCS and env files. */
const SENSITIVE = /(?:^|[/\\.'"`\s,(])(?:\.git|\.env|\.ssh|backups?|logs?|uploads?|private|config|secrets?|admin|db|database|data|dumps?|tmp|temp|node_modules|keys?|certs?|exports?)(?=$|[/\\'"`\s,)])/i;
/** The project root itself: everything, source and `.env` included. */
const ROOT = /^(?:['"`]\.?\/?['"`]|__dirname|process\.cwd\(\)|path\.(?:join|resolve)\(\s*__dirname\s*\)|['"`]\/['"`])$/;

/** The mount path of the middleware a call builds: `app.use('/logs', serveIndex(…))` → `/logs`. */
function mountPath(call: Node): string | undefined {
  const parent = call.getParent();
  if (parent && Node.isCallExpression(parent) && /\.use$/.test(parent.getExpression().getText())) {
    const first = parent.getArguments()[0];
    if (first && first !== call && Node.isStringLiteral(first)) return first.getLiteralValue();
  }
  return undefined;
}

/** Why a listed folder is sensitive, or undefined when it looks like public assets. */
function sensitivity(dir: Node | undefined, mount: string | undefined): string | undefined {
  const text = followConst(dir)?.getText() ?? '';
  if (ROOT.test(text)) return 'the project root';
  if (SENSITIVE.test(text)) return text;
  if (mount !== undefined && SENSITIVE.test(mount)) return mount;
  return undefined;
}

/** Directory listings (serve-index, @fastify/static `list`) of logs, uploads, backups, configuration or the project root. */
export const directoryListing: Rule = {
  meta: {
    id: 'directory-listing',
    title: 'Directory listing of a sensitive folder',
    description: 'A directory listing (serve-index, koa-serve-index, @fastify/static with `list`) is served for logs, uploads, backups, configuration, keys, VCS data or the project root, so anyone can browse and download files nobody linked to. Listings of other folders are reported with --audit.',
    severity: 'high',
    confidence: 'taint-confirmed',
    cwe: [548, 538],
    owasp: 'A01:2021-Broken Access Control',
  },
  *check(ctx: RuleContext): Iterable<RawFinding> {
    const sites: { at: Node; dir: Node | undefined; mount: string | undefined; what: string }[] = [];
    for (const { call, ref } of ctx.calls.callsTo(LISTERS)) {
      if (Node.isCallExpression(call)) sites.push({ at: call, dir: call.getArguments()[0], mount: mountPath(call), what: ref.module });
    }
    for (const call of ctx.calls.callsNamed(new Set(['register']))) {
      const [plugin, optsArg] = call.getArguments();
      if (!plugin || !STATIC_PLUGINS.includes(refOf(plugin)?.module ?? '')) continue;
      const opts = followConst(optsArg);
      const list = objectProperty(opts, 'list');
      if (list === undefined || list.getText() === 'false') continue;
      const prefix = objectProperty(opts, 'prefix');
      sites.push({ at: list, dir: objectProperty(opts, 'root'), mount: prefix && Node.isStringLiteral(prefix) ? prefix.getLiteralValue() : undefined, what: '@fastify/static list' });
    }
    for (const { at, dir, mount, what } of sites) {
      const why = sensitivity(dir, mount);
      const where = `${dir ? followConst(dir)?.getText() ?? dir.getText() : 'a folder'}${mount ? ` at ${mount}` : ''}`;
      if (why !== undefined) yield { node: at, message: `${what} lists ${where}, ${why === 'the project root' ? 'the project root (source, .env and all)' : 'a folder of logs, uploads, backups, configuration or keys'}: anyone can browse and download its files` };
      else yield { node: at, message: `${what} lists ${where}: make sure nothing in it is private`, confidence: 'pattern' };
    }
  },
};
