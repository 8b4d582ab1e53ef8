import type { ErrorClass } from '../stats/types.js';

const TIMEOUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'UND_ERR_CLOSED']);
const PARSE = new Set(['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'UND_ERR_INVALID_ARG', 'UND_ERR_HEADERS_OVERFLOW']);

const TLS = /^(ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|CERT_|ERR_OSSL_)/;

function codeOf(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown }; errors?: { code?: unknown }[] } | null;
  const code = e?.code ?? e?.cause?.code ?? e?.errors?.[0]?.code;
  return typeof code === 'string' ? code : '';
}

/** Sorts a transport error into timeout / refused / reset / parse / other. */
export function classifyError(err: unknown): ErrorClass {
  const code = codeOf(err);
  if (TIMEOUT.has(code)) return 'timeout';
  if (code === 'ECONNREFUSED') return 'refused';
  if (RESET.has(code)) return 'reset';
  if (TLS.test(code)) return 'tls';
  if (code.startsWith('HPE_') || PARSE.has(code) || (err as Error | null)?.name === 'HTTPParserError') return 'parse';
  return 'other';
}

/** A one-line description of a transport error for the report. */
export function describeError(err: unknown): string {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
