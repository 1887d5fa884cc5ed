import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { subscribeToRoster } from './subscribe.js';

/**
 * CURRENT: the replica has what the registry had committed `maxLagMs` ago.
 * CATCHING_UP: it has not (a department back from an outage, a subscription disabled), or it
 * has not yet shown since this service started that it has.
 * RESYNCING: the replica is being copied again from the registry.
 */
export type ReplicaState = 'CURRENT' | 'CATCHING_UP' | 'RESYNCING';

export interface ReplicaStatus {
  state: ReplicaState;
  /** How long the oldest registry change the replica has not confirmed has waited. */
  lagMs: number;
  /** Times the replica was copied again because the registry gave up its slot. */
  resyncs: number;
}

export interface ReplicaWatchOptions {
  /** The department database, as its owner (a re-sync drops and makes its subscription). */
  departmentUrl: string;
  /** The registry database as its roster reader (REPLICATION and SELECT on roster only), or its owner. */
  registryUrl: string;
  subscription: string;
  /** Behind by more than this, the department answers ROSTER_BEHIND; default 5000. */
  maxLagMs?: number;
  /** How often the replica is looked at; default 1000. */
  checkEveryMs?: number;
  log?: (line: string) => void;
}

/** `16/B374D848` → a comparable number. */
const lsn = (text: string): bigint => {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
};

/**
 * Watches a department's roster replica against the registry, in the background, so that a
 * request only reads a field: the registry's WAL position is sampled every check, and the
 * replica is behind while a sample older than `maxLagMs` is past what its slot has confirmed.
 * At start nothing is known of what piled up while the service was down: it is behind until
 * the slot confirms the position seen at the first check.
 *
 * The registry keeps WAL for a slot only up to `max_slot_wal_keep_size`; past it, the slot is
 * lost and the changes with it. The replica is then copied again: subscription and slot
 * dropped, replica emptied, subscribed anew with `copy_data` (the department's own records are
 * not touched: the roster is only who the members are and where they live).
 */
export class ReplicaWatch {
  private readonly registry: pg.Pool;
  private readonly department: pg.Pool;
  private readonly maxLagMs: number;
  private samples: { at: number; head: bigint }[] = [];
  /** The registry's position at the first check, until the replica confirms it. */
  private startTarget: bigint | null | undefined = undefined;
  private current: ReplicaStatus = { state: 'CATCHING_UP', lagMs: 0, resyncs: 0 };
  private checking: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private warnedUnbounded = false;
  private saidBehind = false;

  constructor(private readonly options: ReplicaWatchOptions) {
    this.registry = new pg.Pool({ connectionString: options.registryUrl, max: 1 });
    this.department = new pg.Pool({ connectionString: options.departmentUrl, max: 1 });
    // A server that went away is seen at the next check; an idle client's error must not kill the process.
    this.registry.on('error', () => {});
    this.department.on('error', () => {});
    this.maxLagMs = options.maxLagMs ?? 5000;
  }

  get status(): ReplicaStatus {
    return this.current;
  }

  /** Checks now and then every `checkEveryMs`; resolves once the replica is current or `waitMs` passed. */
  async start(waitMs: number): Promise<void> {
    this.timer = setInterval(() => void this.check(), this.options.checkEveryMs ?? 1000).unref();
    const until = Date.now() + waitMs;
    while (Date.now() < until) {
      await this.check();
      if (this.current.state === 'CURRENT') return;
      await new Promise((r) => setTimeout(r, Math.min(100, this.options.checkEveryMs ?? 1000)));
    }
    this.saidBehind = true;
    this.options.log?.(`roster replica: not current yet (${this.current.state === 'RESYNCING' ? 'being copied' : 'catching up with what the registry wrote meanwhile'}); serving, answering ROSTER_BEHIND until it is`);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await Promise.all([this.registry.end(), this.department.end()]);
  }

  /** One look (never two at once); a database that cannot be reached leaves the status as it was. */
  check(): Promise<void> {
    return (this.checking ??= this.look()
      .catch((err: Error) => this.options.log?.(`roster replica: could not check (${err.message})`))
      .finally(() => (this.checking = null)));
  }

  private async look(): Promise<void> {
    const name = this.options.subscription;
    const { rows } = await this.registry.query<{ head: string; wal_status: string | null; confirmed: string | null; keep: string }>(
      `select pg_current_wal_lsn()::text as head, s.wal_status, s.confirmed_flush_lsn::text as confirmed, current_setting('max_slot_wal_keep_size') as keep
         from (select 1) one left join pg_replication_slots s on s.slot_name = $1`,
      [name],
    );
    const { head, wal_status: walStatus, confirmed, keep } = rows[0]!;
    if (keep === '-1' && !this.warnedUnbounded) {
      this.warnedUnbounded = true;
      this.options.log?.(`roster replica: the registry's server keeps WAL for slots without bound (max_slot_wal_keep_size = -1); a department down for long can fill its disk`);
    }
    const subscribed = await this.department.query<{ oid: string; copying: number }>(
      `select s.oid::text as oid, count(r.*) filter (where r.srsubstate <> 'r')::int as copying
         from pg_subscription s left join pg_subscription_rel r on r.srsubid = s.oid
        where s.subname = $1 and s.subdbid = (select oid from pg_database where datname = current_database())
        group by s.oid`,
      [name],
    );
    // A copy holds a slot of its own (pg_<subscription>_sync_...) until it has caught up; other
    // copies' WAL can outgrow what the server keeps for it, and the copy then never finishes.
    if (subscribed.rowCount && subscribed.rows[0]!.copying > 0 && (await this.copySlots(subscribed.rows[0]!.oid, { lostOnly: true })).length) {
      await this.resync(`the registry gave up the WAL it kept for the copy (max_slot_wal_keep_size = ${keep})`);
      return;
    }
    if (!subscribed.rowCount || walStatus === null || walStatus === 'lost') {
      const why = !subscribed.rowCount ? 'its subscription is gone' : walStatus === null ? 'its slot in the registry is gone' : `the registry gave up the WAL it kept for it (max_slot_wal_keep_size = ${keep})`;
      await this.resync(why);
      return;
    }
    if (subscribed.rows[0]!.copying > 0) {
      this.current = { ...this.current, state: 'RESYNCING' };
      return;
    }
    const now = Date.now();
    const done = lsn(confirmed!);
    this.samples.push({ at: now, head: lsn(head) });
    this.samples = this.samples.filter((s) => s.head > done);
    if (this.startTarget === undefined) this.startTarget = lsn(head);
    if (this.startTarget !== null && done >= this.startTarget) this.startTarget = null;
    const lagMs = this.samples.length ? now - this.samples[0]!.at : 0;
    const state = this.startTarget !== null || lagMs > this.maxLagMs ? 'CATCHING_UP' : 'CURRENT';
    // Said when it matters: falling behind once serving, and catching up after that (not every start).
    if (state === 'CATCHING_UP' && this.startTarget === null && !this.saidBehind) {
      this.saidBehind = true;
      this.options.log?.(`roster replica: behind the registry (${lagMs} ms); answering ROSTER_BEHIND until it catches up`);
    }
    if (state === 'CURRENT' && this.saidBehind) {
      this.saidBehind = false;
      this.options.log?.('roster replica: current again');
    }
    this.current = { ...this.current, state, lagMs };
  }

  /** The slots a subscription's table copies hold in the registry (`pg_<subscription>_sync_...`). */
  private async copySlots(subscriptionOid: string, { lostOnly }: { lostOnly: boolean }): Promise<string[]> {
    const { rows } = await this.registry.query<{ slot_name: string }>(
      `select slot_name from pg_replication_slots where slot_name like $1 and ($2::boolean is false or wal_status = 'lost')`,
      [`pg\\_${subscriptionOid}\\_sync\\_%`, lostOnly],
    );
    return rows.map((r) => r.slot_name);
  }

  /** Once its sender has let go of it, which a disabled or dropped subscription's does within moments. */
  private async dropSlot(slot: string): Promise<void> {
    for (let i = 0; ; i++) {
      const { rows } = await this.registry.query<{ active: boolean }>('select active from pg_replication_slots where slot_name = $1', [slot]);
      if (!rows[0]) return;
      if (!rows[0].active) {
        await this.registry.query('select pg_drop_replication_slot($1)', [slot]);
        return;
      }
      if (i >= 100) throw new Error(`slot ${slot} stays active`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async resync(why: string): Promise<void> {
    const name = this.options.subscription;
    this.current = { ...this.current, state: 'RESYNCING' };
    this.options.log?.(`roster replica: ${why}; copying the roster again`);
    const exists = await this.department.query<{ oid: string }>('select oid::text as oid from pg_subscription where subname = $1', [name]);
    if (exists.rowCount) {
      // Dropped without touching the slot through it: the slot may be gone or useless.
      await this.department.query(`alter subscription "${name}" disable`);
      await this.department.query(`alter subscription "${name}" set (slot_name = none)`);
      await this.department.query(`drop subscription "${name}"`);
      // Its copies' slots are left behind by a drop without a slot: they would keep WAL for nobody.
      for (const slot of await this.copySlots(exists.rows[0]!.oid, { lostOnly: false })) await this.dropSlot(slot);
    }
    await this.dropSlot(name);
    await this.department.query('truncate roster');
    await subscribeToRoster(this.options.departmentUrl, this.options.registryUrl, name);
    this.samples = [];
    this.startTarget = undefined;
    this.current = { state: 'RESYNCING', lagMs: 0, resyncs: this.current.resyncs + 1 };
    this.saidBehind = true; // "current again" once the copy is done
  }
}

/** The answer of a department whose replica is behind: every operation, until it is current. */
export function rosterBehindError(department: string, status: ReplicaStatus): GraphQLError {
  const what = status.state === 'RESYNCING' ? 'is being copied again from the registry' : `is ${Math.round(status.lagMs / 1000)} s behind the registry`;
  return new GraphQLError(`${department}'s copy of the roster ${what}; retry in a little while`, {
    extensions: { code: 'ROSTER_BEHIND', department, retryable: true, state: status.state, http: { status: 200 } },
  });
}

/** Refuses every operation while the replica is behind: who a member is and where they live decides what a caller may see and write. */
export function replicaGuardPlugin<C extends BaseContext>(watch: ReplicaWatch, department: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation() {
          if (watch.status.state !== 'CURRENT') throw rosterBehindError(department, watch.status);
        },
      };
    },
  };
}
