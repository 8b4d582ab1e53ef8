import { readFile } from 'node:fs/promises';
import { createTestDatabase, type TestDatabase } from '@sb/test-utils';

/** A fresh database on the test server, with `schemaFile` loaded when given. */
export async function freshDatabase(label: string, schemaFile?: string): Promise<TestDatabase> {
  return createTestDatabase(label, schemaFile === undefined ? undefined : await readFile(schemaFile, 'utf8'));
}
