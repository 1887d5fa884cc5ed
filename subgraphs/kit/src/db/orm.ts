import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { type Constructor, type MigrationObject, Type } from '@mikro-orm/core';
import { type Fen, fenToDecimal, parseYuan } from '../domain/money.js';

export interface OrmOptions {
  databaseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: Constructor<any>[];
  migrations: MigrationObject[];
  /** Sees every SQL statement; tests count them. */
  onQuery?: (sql: string) => void;
  poolSize?: number;
}

/**
 * One database per subgraph. Schema changes come only from committed migrations, applied
 * at start; the ORM never diffs and alters the schema at run time.
 */
export function ormConfig(options: OrmOptions): Options {
  return defineConfig({
    clientUrl: options.databaseUrl,
    entities: options.entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: {
      migrationsList: options.migrations,
      snapshot: false,
      snapshotOnMigrate: false,
      silent: true,
      transactional: true,
      allOrNothing: true,
    },
    pool: { min: 0, max: options.poolSize ?? 10 },
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    debug: false,
    onQuery: (sql: string) => {
      options.onQuery?.(sql);
      return sql;
    },
  });
}

/** Connects and applies pending migrations (as the database's owner). */
export async function openDatabase(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  await orm.migrator.up();
  return orm;
}

/** Connects without touching the schema (the serving role may not). */
export function connectDatabase(options: Omit<OrmOptions, 'migrations'>): Promise<MikroORM> {
  return MikroORM.init(ormConfig({ ...options, migrations: [] }));
}

/** numeric(14,2) in PostgreSQL, integer fen in TypeScript. */
export class FenType extends Type<Fen | null | undefined, string | null | undefined> {
  override convertToDatabaseValue(value: Fen | null | undefined): string | null | undefined {
    return value === null || value === undefined ? value : fenToDecimal(value);
  }

  override convertToJSValue(value: string | null | undefined): Fen | null | undefined {
    if (value === null || value === undefined) return value;
    const fen = parseYuan(String(value));
    if (fen === null) throw new Error('numeric value is not a yuan amount');
    return fen;
  }

  override getColumnType(): string {
    return 'numeric(14,2)';
  }

  override compareAsType(): string {
    return 'number';
  }
}

interface PooledClient {
  _queryable?: boolean;
  _ending?: boolean;
  release?: (err?: Error | boolean) => void;
}

/**
 * Returns to the pool, as broken, connections a transaction still holds after the server
 * dropped them (PostgreSQL restarted mid-transaction): the driver stack does not always release
 * them, and each one lost would shrink the pool until the service stopped answering. A dead
 * connection can serve nobody, so releasing it takes nothing from anyone. Stops with the returned function.
 */
export async function releaseDeadConnections(orm: MikroORM, everyMs = 2000): Promise<() => void> {
  const pool = (await orm.em.getConnection().getNativeClient()) as unknown as { _clients: PooledClient[]; _idle: { client: PooledClient }[] };
  const timer = setInterval(() => {
    const idle = new Set(pool._idle.map((i) => i.client));
    for (const client of pool._clients) {
      if (idle.has(client) || (client._queryable !== false && !client._ending)) continue;
      try {
        client.release?.(new Error('connection lost'));
      } catch {
        // released meanwhile by its holder
      }
    }
  }, everyMs).unref();
  return () => clearInterval(timer);
}
