import type { TestHub } from '@fupin/kit/testing';

export { startHub } from '@fupin/gateway/testing';

/** Row counts of the registry's tables, to prove a refusal wrote nothing. */
export async function registryCounts(hub: TestHub): Promise<Record<string, number>> {
  const conn = hub.subgraphs.households!.orm.em.fork().getConnection();
  const rows = await conn.execute<{ t: string; n: string }[]>(`
    select 'region' as t, count(*) as n from region union all
    select 'household', count(*) from household union all
    select 'member', count(*) from member union all
    select 'household_income', count(*) from household_income union all
    select 'household_status_change', count(*) from household_status_change`);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}
