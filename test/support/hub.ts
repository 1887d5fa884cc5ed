import { DEFAULT_SUPERGRAPH_PATH, type GatewayOptions, startGateway } from '@fupin/gateway';
import { loadSubgraphs } from '@fupin/kit';
import { GraphQLClient, startTestHub, type TestHub, type TestHubOptions } from '@fupin/kit/testing';

/** The whole hub as clients see it: real subgraphs, the real gateway, real HTTP, real PostgreSQL. */
export async function startHub(gateway: Partial<GatewayOptions> = {}, options: TestHubOptions = {}): Promise<TestHub & { client: GraphQLClient }> {
  const hub = await startTestHub(
    (await loadSubgraphs()).map((s) => s.def),
    ({ subgraphUrls, jwksPath, gatewaySecret }) => startGateway({ port: 0, supergraphPath: DEFAULT_SUPERGRAPH_PATH, subgraphUrls, jwksSource: jwksPath, gatewaySecret, ...gateway }),
    options,
  );
  // `client` is a national ADMIN: tests of the registry's rules, not of permissions.
  return { ...hub, client: await hub.as('ADMIN') };
}

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
