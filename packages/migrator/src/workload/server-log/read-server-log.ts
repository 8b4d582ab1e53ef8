import { readFile } from 'node:fs/promises';
import { MigratorError } from '../../errors.js';
import { csvRecords } from './csv.js';

/** One statement a client ran, as PostgreSQL logged it (`log_statement`, `log_min_duration_statement`, `auto_explain`). */
export interface LoggedStatement {
  /** `session_id`: one client connection. */
  session: string;
  /** `session_line_num`: the order within the session. */
  line: number;
  /** The virtual transaction id: statements of one transaction share it (each autocommit statement has its own). */
  transaction: string;
  time: string;
  database: string;
  application: string;
  /** The statement as sent (with `$n` for bind parameters). */
  query: string;
  /** Bind parameter values from the DETAIL `parameters: $1 = '3'`, as text (null for NULL). */
  parameters?: Array<string | null>;
  durationMs?: number;
  /** Rows the statement returned, from an `auto_explain` plan logged with `log_analyze`. */
  rows?: number;
  /** `file:line` of the log record. */
  location: string;
  /** True once an auto_explain record completed this entry. */
  explained?: boolean;
}

/** A server log read by {@link readServerLog}. */
export interface ServerLog {
  file: string;
  format: 'csvlog' | 'jsonlog';
  /** Log records read (every severity and backend). */
  records: number;
  statements: LoggedStatement[];
}

/** The fields of one record this reader uses, whatever the format. */
interface LogRecord {
  session: string;
  line: number;
  transaction: string;
  time: string;
  database: string;
  application: string;
  severity: string;
  backend: string;
  message: string;
  detail: string;
  location: string;
}

/**
 * Reads a PostgreSQL csvlog (`log_destination = 'csvlog'`) or jsonlog (`'jsonlog'`, PostgreSQL 15+) file
 * and returns the client statements in it, in order per session. It understands the messages of
 * `log_statement` (`statement: …`, `execute <name>: …` with its parameters), `log_min_duration_statement`
 * (`duration: … ms  statement: …`) and `auto_explain` (`duration: … ms  plan: …`, JSON or text, whose
 * `Actual Rows` gives the rows returned). A record that is neither format stops the read with its file:line.
 *
 * @example
 * ```ts
 * const log = await readServerLog('/var/log/postgresql/postgresql-15-main.csv');
 * console.log(log.format, log.statements.length);
 * ```
 */
export async function readServerLog(file: string): Promise<ServerLog> {
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new MigratorError('MIGRATOR_INVALID_OPTION', `${file}: cannot read the log file (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { cause });
  });
  const format = text.trimStart().startsWith('{') ? 'jsonlog' : 'csvlog';
  const records = format === 'jsonlog' ? jsonRecords(file, text) : csvLogRecords(file, text);
  const statements: LoggedStatement[] = [];
  const recent = new Map<string, LoggedStatement[]>();
  let count = 0;
  for (const r of records) {
    count++;
    if (r.severity !== 'LOG' || (r.backend && r.backend !== 'client backend')) continue;
    const s = statementOf(r, recent.get(r.session) ?? []);
    if (s) {
      statements.push(s);
      recent.set(r.session, [...(recent.get(r.session) ?? []), s].slice(-RECENT));
    }
  }
  if (count === 0) throw new MigratorError('MIGRATOR_INVALID_LOG', `${file}: the file is empty`);
  return { file, format, records: count, statements };
}

/** How many of a session's latest statements an auto_explain record may complete (it can come after the next statement). */
const RECENT = 3;
const STATEMENT = /^(?:duration: ([\d.]+) ms {2})?(?:statement|execute [^:]*): ([\s\S]*)$/;
const PLAN = /^duration: ([\d.]+) ms {2}plan:\n([\s\S]*)$/;
const DURATION_ONLY = /^duration: ([\d.]+) ms$/;

/** The statement a record logs, or undefined (other messages, or a record that completes one of `recent`). */
function statementOf(r: LogRecord, recent: LoggedStatement[]): LoggedStatement | undefined {
  const previous = recent.at(-1);
  const base = { session: r.session, line: r.line, transaction: r.transaction, time: r.time, database: r.database, application: r.application, location: r.location };
  const statement = STATEMENT.exec(r.message);
  if (statement) {
    const s: LoggedStatement = { ...base, query: clean(statement[2]!) };
    if (statement[1]) s.durationMs = Number(statement[1]);
    const parameters = parseParameters(r.detail);
    if (parameters) s.parameters = parameters;
    return s;
  }
  const duration = DURATION_ONLY.exec(r.message);
  if (duration) {
    if (previous && previous.durationMs === undefined) previous.durationMs = Number(duration[1]);
    return undefined;
  }
  const plan = PLAN.exec(r.message);
  if (!plan) return undefined;
  const explained = readPlan(plan[2]!);
  if (!explained) return undefined;
  // log_statement logged this statement already, when it started: complete that entry. (The plan of an
  // unnamed portal is logged when the portal closes, which can be after the next statement's log line.)
  const started = recent.findLast((s) => s.rows === undefined && !s.explained && s.query === explained.query);
  if (started) {
    started.explained = true;
    if (explained.rows !== undefined) started.rows = explained.rows;
    started.durationMs ??= Number(plan[1]);
    return undefined;
  }
  const s: LoggedStatement = { ...base, query: explained.query, durationMs: Number(plan[1]) };
  if (explained.rows !== undefined) s.rows = explained.rows;
  return s;
}

/** Query text and actual rows of an auto_explain plan (format json or text). */
function readPlan(body: string): { query: string; rows?: number } | undefined {
  if (body.trimStart().startsWith('{')) {
    try {
      const json = JSON.parse(body) as { 'Query Text'?: string; Plan?: { 'Actual Rows'?: number; 'Actual Loops'?: number } };
      if (typeof json['Query Text'] !== 'string') return undefined;
      const rows = json.Plan?.['Actual Rows'];
      return rows === undefined ? { query: clean(json['Query Text']) } : { query: clean(json['Query Text']), rows: rows * (json.Plan?.['Actual Loops'] ?? 1) };
    } catch {
      return undefined;
    }
  }
  const text = /^Query Text: ([\s\S]*?)\n(?=\S.*\(cost=)/m.exec(body);
  if (!text) return undefined;
  const rows = /\(actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)\)/.exec(body.slice(text.index + text[0].length));
  return rows ? { query: clean(text[1]!), rows: Number(rows[1]) * Number(rows[2]) } : { query: clean(text[1]!) };
}

/** The statement without surrounding space or a final semicolon. */
function clean(query: string): string {
  return query.trim().replace(/;\s*$/, '');
}

/** `parameters: $1 = '3', $2 = NULL` → ['3', null]. */
function parseParameters(detail: string): Array<string | null> | undefined {
  if (!detail.startsWith('parameters: ')) return undefined;
  const out: Array<string | null> = [];
  for (const m of detail.matchAll(/\$(\d+) = (NULL|'((?:[^']|'')*)')/g)) out[Number(m[1]) - 1] = m[2] === 'NULL' ? null : m[3]!.replace(/''/g, "'");
  return out;
}

/** csvlog columns (PostgreSQL 13+: 23 columns, 14+: 26). */
function* csvLogRecords(file: string, text: string): Generator<LogRecord> {
  for (const { fields: f, line } of csvRecords(text)) {
    if (f.length === 1 && f[0] === '') continue;
    if (f.length < 23 || !/^\d{4}-\d\d-\d\d /.test(f[0]!)) {
      throw new MigratorError('MIGRATOR_INVALID_LOG', `${file}:${line}: not a PostgreSQL csvlog record (${f.length} fields; expected 23 or more, starting with log_time) — or a jsonlog file`);
    }
    yield {
      time: f[0]!, database: f[2]!, session: f[5]!, line: Number(f[6]), transaction: f[9]!, severity: f[11]!,
      message: f[13]!, detail: f[14]!, application: f[22] ?? '', backend: f[23] ?? '', location: `${file}:${line}`,
    };
  }
}

function* jsonRecords(file: string, text: string): Generator<LogRecord> {
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    if (raw.trim() === '') continue;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new MigratorError('MIGRATOR_INVALID_LOG', `${file}:${line}: not JSON (expected one PostgreSQL jsonlog record per line)`);
    }
    if (typeof r['timestamp'] !== 'string' || typeof r['error_severity'] !== 'string') {
      throw new MigratorError('MIGRATOR_INVALID_LOG', `${file}:${line}: not a PostgreSQL jsonlog record (no timestamp or error_severity)`);
    }
    const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : r[k] === undefined ? '' : String(r[k]));
    yield {
      time: str('timestamp'), database: str('dbname'), session: str('session_id'), line: Number(r['line_num'] ?? 0), transaction: str('vxid'),
      severity: str('error_severity'), message: str('message'), detail: str('detail'), application: str('application_name'),
      backend: str('backend_type'), location: `${file}:${line}`,
    };
  }
}
