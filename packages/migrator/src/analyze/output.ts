import { writeMigrationFiles } from '../migration-file/write.js';

/** What goes into a generated migration. */
export interface GeneratedMigration {
  /** Becomes the file name's slug. */
  description: string;
  /** Statements of the up section, in order. */
  up: string[];
  /** Statements of the down section (written in reverse order of `up`'s effects: pass them already reversed). */
  down: string[];
  /** True when every statement can run in a transaction; CONCURRENTLY work needs false. */
  transaction: boolean;
  header: string[];
}

/** Writes one migration through the one migration-file writer (`migration-file/write.ts`). Returns the path. */
export async function writeGeneratedMigration(dir: string, migration: GeneratedMigration, now = new Date()): Promise<string> {
  const { description, up, down, transaction, header } = migration;
  const [path] = await writeMigrationFiles(dir, [{ description, content: { up: up.join('\n'), down: down.join('\n'), transaction, header } }], { date: now });
  return path!;
}
