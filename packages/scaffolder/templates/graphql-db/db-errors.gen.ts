import { GraphQLError } from 'graphql';

/** The codes clients can rely on, in `errors[].extensions.code`. */
export type DbErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT';

/** A GraphQL error with a stable code and a message that never contains SQL or PostgreSQL's own text. */
export function dbError(code: DbErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export function notFound(type: string): GraphQLError {
  return dbError('NOT_FOUND', `no ${type} with this key`);
}

function sqlState(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Maps a PostgreSQL error to a GraphQL error: unique and foreign-key violations → CONFLICT; not-null, check and
 * invalid values (class 22) → BAD_USER_INPUT. Anything else is rethrown as is, and the server masks it
 * ("Unexpected error.") so no SQL reaches the client.
 */
export function mapDbError(err: unknown): never {
  const code = sqlState(err);
  const detail = typeof err === 'object' && err !== null ? String((err as { detail?: unknown }).detail ?? '') : '';
  switch (code) {
    case '23505':
      throw dbError('CONFLICT', 'a row with the same unique value already exists');
    case '23503':
      throw dbError('CONFLICT', /still referenced/.test(detail) ? 'other rows still reference this row' : 'a referenced row does not exist');
    case '23502':
      throw dbError('BAD_USER_INPUT', 'a required value is missing');
    case '23514':
      throw dbError('BAD_USER_INPUT', 'a value breaks a rule of the table');
    default:
      if (code?.startsWith('22')) throw dbError('BAD_USER_INPUT', 'a value is not valid for its column type');
      throw err;
  }
}
