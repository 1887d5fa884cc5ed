import { loadSubgraphs } from '@fupin/kit';
import { GraphQLClient, startTestHub, type TestHub, type TestHubOptions } from '@fupin/kit/testing';
import { DEFAULT_SUPERGRAPH_PATH } from './env.js';
import { type GatewayOptions, startGateway } from './gateway.js';

export type TestGatewayHub = TestHub & { client: GraphQLClient };

/**
 * The whole hub as clients see it, for any package's tests: every listed subgraph over a
 * fresh database of its own, the real gateway, real HTTP, real PostgreSQL.
 */
export async function startHub(gateway: Partial<Omit<GatewayOptions, 'devTokens'>> & { devTokens?: boolean } = {}, options: TestHubOptions = {}): Promise<TestGatewayHub> {
  // The page's development sign-in (asked for with `devTokens: true`) signs with the test hub's own key, known once it has started.
  const signer: { sign?: TestHub['token'] } = {};
  const { devTokens, ...rest } = gateway;
  const hub = await startTestHub(
    (await loadSubgraphs()).map((s) => s.def),
    ({ subgraphUrls, jwksPath, gatewaySecret }) =>
      startGateway({
        port: 0,
        supergraphPath: DEFAULT_SUPERGRAPH_PATH,
        subgraphUrls,
        jwksSource: jwksPath,
        gatewaySecret,
        ...(devTokens ? { devTokens: (caller) => signer.sign!(caller, '8h') } : {}),
        ...rest,
      }),
    options,
  );
  signer.sign = hub.token;
  // `client` is a national ADMIN: tests of rules, not of permissions.
  return { ...hub, client: await hub.as('ADMIN') };
}
