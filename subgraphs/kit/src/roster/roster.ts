import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import type pg from 'pg';
import type { Caller } from '../auth/caller.js';
import { inJurisdiction } from '../auth/caller.js';
import { assertWritable } from '../auth/write-scope.js';
import { refuseRead } from '../audit/audit.middleware.js';
import type { SubgraphContext } from '../context.js';
import { HubError, NotFoundError } from '../errors.js';
import { isUuid } from '../domain/ids.js';
import { manyLoader, oneLoader } from '../graphql/loaders.js';
import { RosterMemberEntity } from './roster.entity.js';
import { findRows } from '../db/rows.js';

/** A registration the replica has not received yet: the same write will succeed shortly. */
export class RosterBehindError extends HubError {
  constructor(what: string, waitedMs: number) {
    super(`the ${what} was registered a moment ago and has not reached this department yet; retry in a few seconds`, 'ROSTER_BEHIND', {
      retryable: true,
      waitedMs,
    });
  }
}

export interface RosterSource {
  /** The registry's roster (the publisher), asked only when the replica misses a key. */
  pool: pg.Pool;
  /** How long a write waits for the replica to receive a registration it misses. */
  waitMs: number;
}

/**
 * The roster as one request of a department subgraph sees it: batched reads of the
 * replica, and for writes, members and households that must exist in the registry.
 */
export class Roster {
  readonly byMember: DataLoader<string, RosterMemberEntity | null>;
  readonly byHousehold: DataLoader<string, RosterMemberEntity[]>;

  constructor(
    private readonly em: EntityManager,
    private readonly source: RosterSource,
  ) {
    this.byMember = oneLoader(
      (ids: readonly string[]) => findRows(em, RosterMemberEntity, { memberId: { $in: [...ids] } }),
      (r) => r.memberId,
    );
    this.byHousehold = manyLoader(
      (ids: readonly string[]) => findRows(em, RosterMemberEntity, { householdId: { $in: [...ids] } }, { householdId: 'asc', memberId: 'asc' }),
      (r) => r.householdId,
    );
  }

  /**
   * The member a department write is about: NOT_FOUND when the registry has no such member;
   * a member registered a moment ago is waited for, then ROSTER_BEHIND (retryable); FORBIDDEN
   * outside the writer's jurisdiction, judged by the registry's village.
   */
  async requireWritableMember(em: EntityManager, memberId: string, caller: Caller): Promise<RosterMemberEntity> {
    const find = () => (isUuid(memberId) ? em.findOne(RosterMemberEntity, { memberId }) : Promise.resolve(null));
    const member = (await find()) ?? (await this.awaitRegistered(find, 'member', memberId));
    assertWritable(caller, member.villageCode, 'member');
    return member;
  }

  /**
   * The household a department write is about (an appraisal, a relocation): its members as
   * the roster has them; NOT_FOUND, ROSTER_BEHIND and FORBIDDEN as for a member.
   */
  async requireWritableHousehold(em: EntityManager, householdId: string, caller: Caller): Promise<RosterMemberEntity[]> {
    const find = async () => {
      if (!isUuid(householdId)) return null;
      const members = await em.find(RosterMemberEntity, { householdId }, { orderBy: { memberId: 'asc' } });
      return members.length ? members : null;
    };
    const members = (await find()) ?? (await this.awaitRegistered(find, 'household', householdId));
    assertWritable(caller, members[0]!.villageCode, 'household');
    return members;
  }

  private async awaitRegistered<T>(find: () => Promise<T | null>, what: 'member' | 'household', id: string): Promise<T> {
    const field = what === 'member' ? 'memberId' : 'householdId';
    if (!isUuid(id)) throw new NotFoundError(what, { field });
    // The replica misses it: the registry says whether it exists at all.
    const { rowCount } = await this.source.pool.query(`select 1 from roster where ${what === 'member' ? 'member_id' : 'household_id'} = $1 limit 1`, [id]);
    if (!rowCount) throw new NotFoundError(what, { field });
    const started = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const arrived = await find();
      if (arrived) return arrived;
      if (Date.now() - started >= this.source.waitMs) throw new RosterBehindError(what, Date.now() - started);
    }
  }
}

/** The roster of a department's request; a subgraph without one has no roster. */
export function rosterOf(ctx: SubgraphContext): Roster {
  if (!ctx.roster) throw new Error('this subgraph does not keep a roster (set `roster: true` in its definition)');
  return ctx.roster;
}

/**
 * A `Member` reference a department resolves: FORBIDDEN (audited) outside the caller's
 * jurisdiction; a member the replica has not received yet has no records here either.
 */
export async function visibleMemberRef(ctx: SubgraphContext, id: string): Promise<{ id: string } | null> {
  if (!isUuid(id)) return null;
  const row = await rosterOf(ctx).byMember.load(id);
  if (row && !inJurisdiction(ctx.caller, row.villageCode)) return refuseRead(ctx, 'Member', id, 'member is outside your jurisdiction');
  return { id };
}

export async function visibleHouseholdRef(ctx: SubgraphContext, id: string): Promise<{ id: string } | null> {
  if (!isUuid(id)) return null;
  const [row] = await rosterOf(ctx).byHousehold.load(id);
  if (row && !inJurisdiction(ctx.caller, row.villageCode)) return refuseRead(ctx, 'Household', id, 'household is outside your jurisdiction');
  return { id };
}
