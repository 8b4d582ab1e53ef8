/** Quoting lives in one module, `sql/quote.ts`; this re-export keeps the analyser's imports short. */
export { quoteIdent, quoteLiteral, quoteQualified, safeName } from '../sql/quote.js';
