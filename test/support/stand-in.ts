import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** What answers on a department's port in its place (a slow, broken or unavailable department). */
export type StandIn = (req: IncomingMessage, res: ServerResponse) => void;

interface Replaceable {
  http: { port: number; close(): Promise<void>; reopen(): Promise<void> };
}

/** Closes a subgraph's HTTP server, runs `fn` with `standIn` (if any) on its port, then brings the subgraph back. */
export async function withStandIn<T>(subgraph: Replaceable, standIn: StandIn | null, fn: () => Promise<T>): Promise<T> {
  const port = subgraph.http.port;
  await subgraph.http.close();
  const server = standIn ? createServer(standIn) : null;
  if (server) await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  try {
    return await fn();
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await subgraph.http.reopen();
  }
}
