import pg from 'pg';

/**
 * Subscribes a department database to the registry's roster, once: a replication slot in
 * the registry database, then a subscription in the department's that copies the existing
 * rows and follows every change. Both databases may live on one server, so the slot is made
 * separately (a subscription cannot create a slot on its own server without deadlocking).
 */
export async function subscribeToRoster(departmentOwnerUrl: string, registryOwnerUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad subscription name ${name}`);
  const department = new pg.Client({ connectionString: departmentOwnerUrl });
  const registry = new pg.Client({ connectionString: registryOwnerUrl });
  await department.connect();
  await registry.connect();
  try {
    // A literal PostgreSQL parses back to exactly this text, whatever the password or
    // database name holds (a quote, a backslash): escapeLiteral doubles quotes and, when there
    // is a backslash, writes an E'' string with it doubled too.
    const conninfo = pg.escapeLiteral(registryOwnerUrl);
    const exists = await department.query('select 1 from pg_subscription where subname = $1', [name]);
    if (exists.rowCount) {
      // The registry may have moved since (the embedded server on another FUPIN_PG_PORT): a
      // subscription still pointing at the old address would replicate nothing, silently.
      await department.query(`alter subscription "${name}" connection ${conninfo}`);
      return;
    }
    const slot = await registry.query('select 1 from pg_replication_slots where slot_name = $1', [name]);
    if (!slot.rowCount) await registry.query(`select pg_create_logical_replication_slot($1, 'pgoutput')`, [name]);
    await department.query(`create subscription "${name}" connection ${conninfo} publication fupin_roster with (create_slot = false, slot_name = '${name}', copy_data = true)`);
  } finally {
    await department.end();
    await registry.end();
  }
}

/** Waits until the roster replica has a member (a registration a moment ago may lag). */
export async function awaitRosterMember(
  find: () => Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<boolean> {
  const until = Date.now() + (options.timeoutMs ?? 3000);
  for (;;) {
    if (await find()) return true;
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}

/**
 * Waits until a department's replica holds as many roster rows as the registry publishes
 * (after a bulk load; the import benchmark matches against the replica).
 */
export async function awaitRosterCaughtUp(departmentOwnerUrl: string, registryUrl: string, options: { timeoutMs?: number; onWait?: (have: number, want: number) => void } = {}): Promise<void> {
  const count = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>('select count(*) as n from roster')).rows[0]!.n);
    } finally {
      await client.end();
    }
  };
  const want = await count(registryUrl);
  const until = Date.now() + (options.timeoutMs ?? 600_000);
  for (;;) {
    const have = await count(departmentOwnerUrl);
    if (have === want) return;
    if (Date.now() > until) throw new Error(`the roster replica has ${have} of ${want} members after waiting; is the subscription enabled?`);
    options.onWait?.(have, want);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Waits until a department's subscription has applied everything the registry had written
 * when it was asked: its table copies done and its slot's confirmed position past the
 * registry's. The insert position, not the write position: a server running with
 * `synchronous_commit = off` reports a commit before its WAL is written, and the write
 * position can then lag what was committed. A row count cannot tell this (a changed address
 * counts the same), and the department's own watch only sees a lag once it is older than its
 * bound: right after a bulk load it still says current.
 */
export async function awaitRosterApplied(
  departmentOwnerUrl: string,
  registryUrl: string,
  options: { timeoutMs?: number; onWait?: (what: string) => void } = {},
): Promise<void> {
  const department = new pg.Client({ connectionString: departmentOwnerUrl });
  const registry = new pg.Client({ connectionString: registryUrl });
  await department.connect();
  await registry.connect();
  try {
    const { rows: subs } = await department.query<{ oid: string; subname: string; subenabled: boolean }>(
      `select oid::text as oid, subname, subenabled from pg_subscription where subdbid = (select oid from pg_database where datname = current_database())`,
    );
    if (subs.length !== 1) throw new Error(`the department database has ${subs.length} roster subscriptions, not one`);
    const { oid, subname, subenabled } = subs[0]!;
    if (!subenabled) throw new Error(`the roster subscription ${subname} is disabled`);
    const target = (await registry.query<{ at: string }>('select pg_current_wal_insert_lsn()::text as at')).rows[0]!.at;
    const until = Date.now() + (options.timeoutMs ?? 600_000);
    for (;;) {
      const copying = Number(
        (await department.query<{ n: string }>(`select count(*) as n from pg_subscription_rel where srsubid = $1::oid and srsubstate <> 'r'`, [oid])).rows[0]!.n,
      );
      const { rows } = await registry.query<{ applied: boolean | null }>(
        'select confirmed_flush_lsn >= $2::pg_lsn as applied from pg_replication_slots where slot_name = $1',
        [subname, target],
      );
      const applied = rows[0]?.applied === true;
      if (copying === 0 && applied) return;
      const what = copying > 0 ? `copying ${copying} table(s)` : rows[0] ? `applying up to ${target}` : `its slot ${subname} is missing`;
      if (Date.now() > until) throw new Error(`the roster replica of ${subname} is not current after waiting: ${what}`);
      options.onWait?.(what);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await department.end();
    await registry.end();
  }
}
