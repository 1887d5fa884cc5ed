import { awaitRosterApplied, type HubSubgraph, rosterSubscriptionName, type SubgraphDefinition } from '@fupin/kit';
import pg from 'pg';

export interface DemoPlan {
  /** The hub's subgraphs, in list order. */
  listed: HubSubgraph[];
  /** The hub's database URLs, as owner. */
  databaseUrl: (def: SubgraphDefinition<unknown>) => string;
  piiKey: string;
  seed: number;
  /** Households of a new registry; 0 keeps the registry as it is. */
  households: number;
  replace?: boolean;
  /** Department demo records only into departments never used yet. */
  onlyUnusedDepartments?: boolean;
  progress?: boolean;
  /**
   * After a new registry, wait at most this long for every department's roster copy to have
   * applied it (npm start: a hub said ready must answer from the whole county); 0 or unset,
   * the copies catch up on their own.
   */
  applyWaitMs?: number;
  log: (line: string) => void;
}

/**
 * The registry's demo county (when asked), then each department's records over the roster
 * the registry publishes (the departments' replicas catch up on their own).
 */
export async function loadDemo(plan: DemoPlan): Promise<void> {
  const registry = plan.listed.find((s) => s.def.publishesRoster)!.def;
  const departments = plan.listed.filter((s) => s.def.roster).map((s) => plan.databaseUrl(s.def));
  // A bulk load replicates once, after it: decoding the registry's load while it is written,
  // and applying it while the departments load, would take the cores the loads need.
  if (plan.households > 0) await setSubscriptions(departments, 'disable');
  try {
    for (const { def } of plan.listed) {
      if (!def.demo || (def === registry && plan.households === 0)) continue;
      const summary = await def.demo({
        databaseUrl: plan.databaseUrl(def),
        rosterUrl: plan.databaseUrl(registry),
        seed: plan.seed,
        piiKey: plan.piiKey,
        households: plan.households,
        replace: plan.replace ?? false,
        progress: plan.progress ?? false,
        onlyIfUnused: def !== registry && (plan.onlyUnusedDepartments ?? false),
      });
      if (summary) plan.log(summary);
    }
  } finally {
    if (plan.households > 0) await setSubscriptions(departments, 'enable');
  }
  // A department's own watch would still call its copy current for a few seconds after the
  // load (it sees a lag only once it is older than its bound), and say so to /health/ready.
  if (plan.households > 0 && plan.applyWaitMs) {
    let told = Date.now();
    for (const url of departments) {
      await awaitRosterApplied(url, plan.databaseUrl(registry), {
        timeoutMs: plan.applyWaitMs,
        onWait: (what) => {
          if (Date.now() - told < 15_000) return;
          told = Date.now();
          plan.log(`waiting for the departments' roster copies: ${what}`);
        },
      });
    }
  }
}

async function setSubscriptions(departmentUrls: string[], state: 'enable' | 'disable'): Promise<void> {
  for (const url of departmentUrls) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`alter subscription "${rosterSubscriptionName(url)}" ${state}`);
    } finally {
      await client.end();
    }
  }
}
