// For type-checking the templates only: templates/db/connection.ts, emitted beside this service as db/connection.ts.
import type { Kysely } from 'kysely';
export declare const db: Kysely<Record<string, Record<string, unknown>>>;
