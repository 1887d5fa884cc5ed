import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createHubClient, HubRequestError, PURPOSE_HEADER, RegionDocument, HouseholdViewDocument } from '../src/index.js';

// The wrapper against a real HTTP server that records what it was sent and answers what a test says.
let server: Server;
let url: string;
let seen: { headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = [];
let answer: { status: number; body: string } = { status: 200, body: '{"data":null}' };

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    seen.push({ headers: req.headers, body: JSON.parse(text) as Record<string, unknown> });
    res.statusCode = answer.status;
    res.setHeader('content-type', 'application/json');
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});
const answers = (status: number, body: unknown) => void (answer = { status, body: typeof body === 'string' ? body : JSON.stringify(body) });

const REGION = { region: { code: '420115000000', name: '江夏区', level: 'COUNTY', isPovertyVillage: false, parent: null, children: [] } };

test('a generated document goes by its id in the manifest, with token, purpose and variables; the data comes back typed', async () => {
  answers(200, { data: REGION });
  const client = createHubClient({ url, token: 'tok', purpose: '入户核实' });
  const data = await client.request(RegionDocument, { code: '420115000000' });
  expect(data.region?.name).toBe('江夏区');
  const [{ headers, body }] = seen as [(typeof seen)[0]];
  expect(body).toEqual({ documentId: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), variables: { code: '420115000000' }, operationName: 'Region' });
  expect(body.query).toBeUndefined();
  expect(headers.authorization).toBe('Bearer tok');
  expect(decodeURIComponent(headers[PURPOSE_HEADER] as string)).toBe('入户核实');
  expect(headers['content-type']).toBe('application/json');
});

test('send: query sends the text; a hand-written document (no id) always goes as text; a token function is asked each time', async () => {
  answers(200, { data: REGION });
  let n = 0;
  const client = createHubClient({ url, token: () => `t${++n}`, send: 'query' });
  await client.request(RegionDocument, { code: '420115000000' });
  const own = parse('query Mine { region(code: "420115000000") { code } }') as TypedDocumentNode<{ region: { code: string } | null }, Record<string, never>>;
  await createHubClient({ url }).request(own);
  await client.request(RegionDocument, { code: '420115000000' });
  expect(seen.map((s) => s.body.query)).toEqual([expect.stringContaining('query Region'), 'query Mine {\n  region(code: "420115000000") {\n    code\n  }\n}', expect.stringContaining('query Region')]);
  expect(seen.map((s) => s.body.documentId)).toEqual([undefined, undefined, undefined]);
  expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer t1', undefined, 'Bearer t2']);
});

test('errors throw a HubRequestError with each extensions.code, keeping the partial data', async () => {
  const partial = { household: { id: 'h1', householdNumber: '42011500000100001', members: [{ id: 'm1', insurance: null }] } };
  answers(200, {
    data: partial,
    errors: [
      { message: 'health-insurance is unavailable', path: ['household', 'members', 0, 'insurance'], extensions: { code: 'DEPARTMENT_UNAVAILABLE' } },
      { message: 'not yours', extensions: { code: 'FORBIDDEN' } },
    ],
  });
  const client = createHubClient({ url, token: 'tok' });
  const err = (await client.request(HouseholdViewDocument, { id: 'h1', year: 2020 }).catch((e: unknown) => e)) as HubRequestError<typeof partial>;
  expect(err).toBeInstanceOf(HubRequestError);
  expect(err.codes).toEqual(['DEPARTMENT_UNAVAILABLE', 'FORBIDDEN']);
  expect(err.has('FORBIDDEN')).toBe(true);
  expect(err.data).toEqual(partial);
  expect(err.status).toBe(200);
  expect(err.operationName).toBe('HouseholdView');
  expect(err.message).toBe('HouseholdView failed: DEPARTMENT_UNAVAILABLE: health-insurance is unavailable; FORBIDDEN: not yours');
});

test('a refusal with no data (401, 400) and an answer that is not JSON are HubRequestErrors too', async () => {
  const client = createHubClient({ url });
  answers(401, { errors: [{ message: 'not authenticated: no bearer token', extensions: { code: 'UNAUTHENTICATED' } }] });
  const refused = (await client.request(RegionDocument, { code: 'x' }).catch((e: unknown) => e)) as HubRequestError;
  expect([refused.status, refused.codes, refused.data]).toEqual([401, ['UNAUTHENTICATED'], null]);
  answers(400, { errors: [{ message: 'unknown document', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
  expect(((await client.request(RegionDocument, { code: 'x' }).catch((e: unknown) => e)) as HubRequestError).codes).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  answers(502, '<html>bad gateway</html>');
  const broken = (await client.request(RegionDocument, { code: 'x' }).catch((e: unknown) => e)) as HubRequestError;
  expect([broken.status, broken.codes]).toEqual([502, ['BAD_RESPONSE']]);
});

test('an Idempotency-Key goes with the write it names', async () => {
  answers(200, { data: REGION });
  await createHubClient({ url }).request(RegionDocument, { code: '420115000000' }, { idempotencyKey: 'k-1' });
  expect(seen[0]!.headers['idempotency-key']).toBe('k-1');
});
