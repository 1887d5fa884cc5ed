import type { MikroORM } from '@mikro-orm/postgresql';
import { awaitRosterMember } from '../roster/subscribe.js';

/** Waits until a department database's roster replica has the member (replication takes a moment). */
export function awaitInReplica(orm: MikroORM, memberId: string, timeoutMs = 15_000): Promise<boolean> {
  return awaitRosterMember(async () => (await orm.em.fork().getConnection().execute('select 1 from roster where member_id = ?', [memberId])).length > 0, { timeoutMs });
}
