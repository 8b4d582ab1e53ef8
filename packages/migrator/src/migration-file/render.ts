import type { MigrationContent } from './types.js';

/**
 * Writes a migration in the dbmate format that {@link parseMigration} reads back.
 * Header lines become `-- ` comments; a newline inside a header line cannot escape the comment.
 *
 * @example
 * ```ts
 * renderMigration({ up: 'create index concurrently i on t (a);', down: 'drop index concurrently i;', transaction: false });
 * // -- migrate:up transaction:false
 * // create index concurrently i on t (a);
 * //
 * // -- migrate:down transaction:false
 * // drop index concurrently i;
 * ```
 */
export function renderMigration(content: MigrationContent): string {
  const upTx = content.transaction ?? true;
  const downTx = content.downTransaction ?? upTx;
  const header = (content.header ?? []).flatMap((line) => line.split(/\r?\n/)).map((line) => `-- ${line}`.trimEnd());
  const directive = (direction: 'up' | 'down', transaction: boolean) =>
    `-- migrate:${direction}${transaction ? '' : ' transaction:false'}`;
  return [
    ...header,
    ...(header.length > 0 ? [''] : []),
    directive('up', upTx),
    content.up.trim(),
    '',
    directive('down', downTx),
    content.down.trim(),
    '',
  ].join('\n');
}
