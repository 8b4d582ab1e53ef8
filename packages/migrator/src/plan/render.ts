import type { Operation } from './operation.js';
import { quoteLiteral } from '../sql/quote.js';

/** Default `lock_timeout` written at the top of every migration: a blocked DDL gives up instead of queueing writes behind it. */
export const DEFAULT_LOCK_TIMEOUT = '5s';

/**
 * Session settings a migration starts with: `lock_timeout`, and `check_function_bodies = off` when it
 * creates functions (their bodies may name objects created later in the same migration).
 */
export function preludeFor(operations: Operation[], lockTimeout = DEFAULT_LOCK_TIMEOUT): string[] {
  if (operations.length === 0) return [];
  const lines = [`SET lock_timeout = ${quoteLiteral(lockTimeout)};`];
  if (operations.some((op) => /^create (function|procedure)$/.test(op.kind))) lines.push('SET check_function_bodies = off;');
  return lines;
}

/** The statements of a migration section as text: prelude, then one statement per paragraph. */
export function renderStatements(operations: Operation[], lockTimeout?: string): string {
  if (operations.length === 0) return '';
  return [...preludeFor(operations, lockTimeout), '', ...operations.map((op) => op.sql)].join('\n').replace(/\n\n+/g, '\n\n');
}
