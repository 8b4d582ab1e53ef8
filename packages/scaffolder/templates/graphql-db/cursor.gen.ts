import { dbError } from './db-errors.gen.js';

type CursorValue = string | number | boolean;

/** An opaque cursor: base64url JSON of the order it belongs to and the values of the row's order and key fields. */
export function encodeCursor(order: string, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([order, ...values])).toString('base64url');
}

/**
 * The values in `cursor`, checked to belong to `order` and to hold `length` plain values; a cursor made for
 * another order, another list, or not by this service is BAD_USER_INPUT.
 */
export function decodeCursor(cursor: string, order: string, length: number): CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const ok = Array.isArray(parsed) && parsed.length === length + 1 && parsed[0] === order && parsed.slice(1).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
  if (!ok) throw dbError('BAD_USER_INPUT', 'after is not a cursor of this list in this order');
  return (parsed as CursorValue[]).slice(1);
}

/** A value as it goes into a cursor: dates as ISO text, everything else as is. */
export function cursorValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
