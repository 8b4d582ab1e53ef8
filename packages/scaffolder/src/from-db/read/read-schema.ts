import type { RunControl } from '@sb/errors';
import { abortError } from '../../abort.js';
import type { SnapshotLike } from '../model/table-model.js';

/**
 * Introspects the database with `@sb/migrator` (loaded only now: `sb scaffold` from a spec never needs it).
 * Connection failures surface as the migrator's `MIGRATOR_CONNECTION_FAILED`, naming the target, never the
 * password. An abort while the catalog is read rejects with `SCAFFOLD_ABORTED`.
 */
export async function readSchema(
  connectionString: string,
  options: { schemas?: readonly string[] },
  control: RunControl,
): Promise<{ snapshot: SnapshotLike; target: string; database: string }> {
  const { connect, introspect, describeTarget } = await import('@sb/migrator');
  const client = await connect({ connectionString, applicationName: 'sb scaffold --from-db' });
  try {
    const snapshot = await introspect(client, options.schemas ? { schemas: [...options.schemas] } : {}, control).catch((err: unknown) => {
      throw control.signal?.aborted ? abortError('scaffold', control.signal.reason) : err;
    });
    const target = describeTarget(connectionString);
    return { snapshot, target, database: target.slice(target.lastIndexOf('/') + 1) || 'api' };
  } finally {
    await client.end().catch(() => undefined);
  }
}
