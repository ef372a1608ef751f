/**
 * Once per cluster (DESIGN.md §9): a PostgreSQL session advisory lock on the application
 * database, held by a connection of its own for as long as the work lasts. Another process (or
 * another instance) asking for the same lock is told at once that it is taken. The lock goes
 * with the connection, so a process that dies releases it.
 */
import pg from 'pg';

/** `mdso` in ASCII: the first key of all our advisory locks. */
const LOCK_SPACE = 0x6d64736f;

/** The second key of each lock: never reuse a number for another job. */
export const CLUSTER_LOCKS = { metabaseExport: 1 } as const;

export interface ClusterLock {
  release(): Promise<void>;
}

/** Takes the lock, or returns undefined when another session holds it. */
export async function tryClusterLock(
  databaseUrl: string,
  lock: keyof typeof CLUSTER_LOCKS,
): Promise<ClusterLock | undefined> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: `mdso-lock-${lock}`,
  });
  // A connection lost while idle must not crash the process; the lock is gone with it.
  client.on('error', () => undefined);
  await client.connect();
  let locked = false;
  try {
    const result = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1, $2) AS locked',
      [LOCK_SPACE, CLUSTER_LOCKS[lock]],
    );
    locked = result.rows[0]?.locked === true;
  } finally {
    if (!locked) await client.end();
  }
  if (!locked) return undefined;
  return {
    release: async () => {
      try {
        await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE, CLUSTER_LOCKS[lock]]);
      } catch {
        // the connection is gone, and the lock with it
      }
      await client.end().catch(() => undefined);
    },
  };
}
