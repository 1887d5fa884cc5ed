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
