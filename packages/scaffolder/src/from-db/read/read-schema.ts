import type { SnapshotLike } from '../model/table-model.js';

/**
 * Introspects the database with `@sb/migrator` (loaded only now: `sb scaffold` from a spec never needs it).
 * Connection failures surface as the migrator's `MIGRATOR_CONNECTION_FAILED`, naming the target, never the
 * password.
 */
export async function readSchema(
  connectionString: string,
  options: { schemas?: readonly string[]; signal?: AbortSignal; onProgress?: (message: string) => void },
): Promise<{ snapshot: SnapshotLike; target: string; database: string }> {
  const { connect, introspect, describeTarget } = await import('@sb/migrator');
  const client = await connect({ connectionString, applicationName: 'sb scaffold --from-db' });
  try {
    const snapshot = await introspect(client, {
      ...(options.schemas ? { schemas: [...options.schemas] } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: (p: { message: string }) => options.onProgress!(p.message) } : {}),
    });
    const target = describeTarget(connectionString);
    return { snapshot, target, database: target.slice(target.lastIndexOf('/') + 1) || 'api' };
  } finally {
    await client.end().catch(() => undefined);
  }
}
