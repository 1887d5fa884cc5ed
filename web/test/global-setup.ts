import { DEFAULT_WEB_DIR } from '@fupin/gateway';
import { startHub } from '@fupin/gateway/testing';
import { meetExitStandard, seed } from '@fupin/kit/testing';
import { startPostgres } from '@fupin/postgres';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Planted } from './planted.js';

/**
 * One hub for the browser tests: every subgraph over a fresh database, the real gateway serving
 * the built page (web/dist) and enforcing trusted documents, so the page works only if it sends
 * documents from the client's manifest. A small control server lets a test stop a department.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const pg = await startPostgres({ databaseUrl: process.env.DATABASE_URL });
  process.env.FUPIN_TEST_PG_URL = pg.url;
  // An exit is published (公示) for FUPIN_NOTICE_DAYS before the township reviews it: none here, as in the jest suites.
  process.env.FUPIN_NOTICE_DAYS ??= '0';
  const hub = await startHub({ webDir: DEFAULT_WEB_DIR, devTokens: true, trustedDocuments: { mode: 'enforce' } });
  const s = seed(hub.client);
  const village = await s.village({ isPovertyVillage: true });
  // A household with no department record: its members uninsured, its house never appraised.
  const gapped = await s.household({ villageCode: village, members: [{ relationToHead: 'HEAD', name: '王建国' }, { relationToHead: 'SPOUSE', name: '李秀英', gender: 'FEMALE' }] });
  // One that meets the exit standard for 2020.
  const eligible = await s.household({ villageCode: village, members: [{ relationToHead: 'HEAD', name: '赵大山' }] });
  await meetExitStandard(hub.client, eligible, 2020);
  // Another county's household: outside a caseworker of 420115's jurisdiction.
  const away = await s.household({ villageCode: await s.village({ county: '420116000000' }), members: [{ relationToHead: 'HEAD', name: '孙远' }] });
  await hub.figures(2020);

  const control = createServer((req, res) => {
    const [, action, name] = (req.url ?? '').split('/');
    const subgraph = name ? hub.subgraphs[name] : undefined;
    if (req.method !== 'POST' || !subgraph || (action !== 'down' && action !== 'up')) return void res.writeHead(404).end();
    void (action === 'down' ? subgraph.http.close() : subgraph.http.reopen()).then(
      () => res.writeHead(204).end(),
      (err: Error) => res.writeHead(500).end(err.message),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));

  const planted: Planted = {
    origin: new URL(hub.gatewayUrl).origin,
    control: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    county: '420115000000',
    township: `${village.slice(0, 9)}000`,
    village,
    gapped: { id: gapped.id, number: gapped.householdNumber, members: gapped.members.map((m) => ({ id: m.id, name: m.name, idNumber: m.idNumber })) },
    eligible: { id: eligible.id, number: eligible.householdNumber },
    away: { id: away.id, number: away.householdNumber },
  };
  process.env.FUPIN_WEB_PLANTED = JSON.stringify(planted);
  return async () => {
    await new Promise((resolve) => control.close(resolve));
    await hub.stop();
    await pg.stop();
  };
}
