// For type-checking the templates only: the shape of the database.gen.ts a run generates from the schema.
export type Database = Record<string, Record<string, unknown>>;
