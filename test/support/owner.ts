import pg from 'pg';
import type { TestHub } from '@fupin/kit/testing';

/** Rows read from a subgraph's database as its owner: what is really stored, past every API. */
export async function ownerQuery<T>(hub: TestHub, subgraph: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: hub.subgraphs[subgraph]!.ownerUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
