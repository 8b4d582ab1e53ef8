export { DATABASE_URL, createTestDatabase, databaseUrl, ensureRoles, runSql, withClient } from './databases.js';
export type { TestDatabase } from './databases.js';
export { createTempDir } from './temp-dir.js';
export type { TempDir } from './temp-dir.js';
export { listenOnLoopback } from './listen.js';
export type { Listening } from './listen.js';
