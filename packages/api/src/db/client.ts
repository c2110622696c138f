/**
 * One database handle for both engines: embedded PGlite (a data folder, or memory for tests)
 * or PostgreSQL through postgres.js when a DATABASE_URL is given. The same migrations run on both.
 */
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface DatabaseOptions {
  /** postgres://… — use PostgreSQL. */
  url?: string;
  /** A folder for embedded PGlite; omitted = in memory. */
  dataDir?: string;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
  /** Give up connecting after this many seconds (PostgreSQL only; default 3). */
  connectTimeoutSeconds?: number;
  /** The server cancels a statement that runs longer (PostgreSQL only; default 10 000 ms). */
  statementTimeoutMs?: number;
}

/**
 * Losing the database must answer within seconds, not after postgres.js's default 30 s connect
 * wait or a statement that never ends: errors.ts maps both to 503 `database_unavailable`.
 */
export const DB_TIMEOUTS = { connectTimeoutSeconds: 3, statementTimeoutMs: 10_000, lockTimeoutMs: 5_000 };

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const statementTimeout = options.statementTimeoutMs ?? DB_TIMEOUTS.statementTimeoutMs;
    const client = postgres(options.url, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      connect_timeout: options.connectTimeoutSeconds ?? DB_TIMEOUTS.connectTimeoutSeconds,
      // A dead peer is noticed by TCP keep-alive within seconds, not the default minute.
      keep_alive: 5,
      connection: {
        statement_timeout: statementTimeout,
        lock_timeout: Math.min(DB_TIMEOUTS.lockTimeoutMs, statementTimeout),
        idle_in_transaction_session_timeout: 60_000,
      } as Record<string, number>,
    });
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    return { db: db as unknown as Db, engine: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Db, engine: 'pglite', close: () => client.close() };
}
