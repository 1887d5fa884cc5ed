import type { MikroORM } from '@mikro-orm/postgresql';
import { awaitRosterMember } from '../roster/subscribe.js';

/** Waits until a department database's roster replica has the member (replication takes a moment). */
export function awaitInReplica(orm: MikroORM, memberId: string, timeoutMs = 15_000): Promise<boolean> {
  return awaitRosterMember(async () => (await orm.em.fork().getConnection().execute('select 1 from roster where member_id = ?', [memberId])).length > 0, { timeoutMs });
}

/** Waits until every department's roster replica has the member (the registry itself has it at once). */
export async function awaitInReplicas(subgraphs: Record<string, { orm: MikroORM; name: string }>, memberId: string): Promise<void> {
  for (const sub of Object.values(subgraphs)) if (sub.name !== 'households') await awaitInReplica(sub.orm, memberId);
}
