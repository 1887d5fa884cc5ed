import type { MikroORM } from '@mikro-orm/postgresql';
import { awaitRosterMember } from '../roster/subscribe.js';
import type { GraphQLClient } from './client.js';
import { seed, type SeededHousehold } from './factories.js';

/**
 * Waits until a department database's roster replica has the member (replication takes a moment).
 * Never there in time: throws, naming the member and the database, so a test set up over a
 * replica that did not follow fails at its setup instead of somewhere later, or not at all.
 */
export async function awaitInReplica(orm: MikroORM, memberId: string, timeoutMs = 15_000): Promise<true> {
  const found = await awaitRosterMember(async () => (await orm.em.fork().getConnection().execute('select 1 from roster where member_id = ?', [memberId])).length > 0, { timeoutMs });
  if (!found) throw new Error(`member ${memberId} did not reach the roster replica of ${orm.config.get('dbName')} within ${timeoutMs} ms`);
  return true;
}

/** Waits until every department's roster replica has the member (the registry itself has it at once). */
export async function awaitInReplicas(subgraphs: Record<string, { orm: MikroORM; name: string }>, memberId: string): Promise<void> {
  for (const sub of Object.values(subgraphs)) if (sub.name !== 'households') await awaitInReplica(sub.orm, memberId);
}

/** A household registered in a village of its own and received by every department: where most tests of the whole hub start. */
export async function householdInEveryReplica(hub: { client: GraphQLClient; subgraphs: Record<string, { orm: MikroORM; name: string }> }): Promise<SeededHousehold> {
  const s = seed(hub.client);
  const h = await s.household({ villageCode: await s.village() });
  await awaitInReplicas(hub.subgraphs, h.members.at(-1)!.id);
  return h;
}
