import { makeIdNumber, verifyAuditChain } from '@fupin/kit';
import { errorCode, type GraphQLClient, seed, type SeededHousehold } from '@fupin/kit/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { startHub } from './support/hub.js';

const REVEAL = `mutation RevealIdNumber($memberId: ID!, $reason: String!) { revealIdNumber(memberId: $memberId, reason: $reason) }`;
const AUDIT = `query AuditLog($first: Int, $after: String, $subjectId: ID) {
  auditLog(first: $first, after: $after, subjectId: $subjectId) {
    pageInfo { hasNextPage endCursor }
    nodes { at actor action subjectId outcome correlationId } } }`;
const AUDIT_FULL = `query($subjectId: ID) { auditLog(first: 100, subjectId: $subjectId) { totalCount nodes { actor role action subjectId outcome reason correlationId } } }`;
const INCOME = `mutation($input: RecordIncomeInput!) { recordIncome(input: $input) { id } }`;

let hub: Awaited<ReturnType<typeof startHub>>;
let village: string, other: string;
let h: SeededHousehold, away: SeededHousehold;
let caseworker: GraphQLClient, auditor: GraphQLClient;

beforeAll(async () => {
  hub = await startHub();
  const s = seed(hub.client);
  village = await s.village({ county: '420115000000' });
  other = await s.village({ county: '420116000000' });
  h = await s.household({ villageCode: village, members: [{ relationToHead: 'HEAD', idNumber: makeIdNumber('420115', '1966-06-06', 17) }] });
  away = await s.household({ villageCode: other });
  caseworker = await hub.as('CASEWORKER', village, undefined, 'cw-wang');
  auditor = await hub.as('AUDITOR', '420115000000', undefined, 'auditor-li');
});
afterAll(() => hub?.stop());

type Entry = { at?: string; actor: string; role: string; action: string; subjectId: string; outcome: string; reason: string | null; correlationId: string | null };
const entriesFor = async (subjectId: string) => (await (await hub.as('ADMIN')).data<{ auditLog: { nodes: Entry[] } }>(AUDIT_FULL, { subjectId })).auditLog.nodes;

describe('revealIdNumber', () => {
  test('a caseworker in the region gets the full number; the reveal is audited with its reason', async () => {
    const memberId = h.members[0]!.id;
    const { revealIdNumber } = await caseworker.data<{ revealIdNumber: string }>(REVEAL, { memberId, reason: '办理医保报销核对' });
    expect(revealIdNumber).toBe(makeIdNumber('420115', '1966-06-06', 17));
    expect((await entriesFor(memberId))[0]).toMatchObject({ actor: 'cw-wang', role: 'CASEWORKER', action: 'revealIdNumber', outcome: 'ALLOWED', reason: '办理医保报销核对', correlationId: expect.any(String) });
  });

  test.each<[string, () => Promise<GraphQLClient>, () => string, string, string]>([
    ['a department officer', () => hub.as('DEPARTMENT_OFFICER', '420115000000', 'HOUSING_REPAIR', 'dept-zhao'), () => h.members[0]!.id, 'dept-zhao', 'DEPARTMENT_OFFICER'],
    ['an auditor', () => hub.as('AUDITOR', '420115000000', undefined, 'aud-qian'), () => h.members[0]!.id, 'aud-qian', 'AUDITOR'],
    ['a caseworker outside the region', () => hub.as('CASEWORKER', village, undefined, 'cw-sun'), () => away.members[0]!.id, 'cw-sun', 'CASEWORKER'],
  ])('%s is refused with FORBIDDEN, and the refusal is audited under its name', async (_who, client, member, actor, role) => {
    const res = await (await client()).request<{ revealIdNumber: string | null }>(REVEAL, { memberId: member(), reason: 'curious' });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.data?.revealIdNumber ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toMatch(/\d{17}[\dX]/);
    expect((await entriesFor(member()))[0]).toMatchObject({ actor, role, action: 'revealIdNumber', subjectId: member(), outcome: 'REFUSED', reason: expect.stringContaining('FORBIDDEN') });
  });
});

describe('writes are audited in the same transaction', () => {
  test('an allowed write leaves an ALLOWED row; a refused one a REFUSED row and nothing else', async () => {
    await caseworker.data(INCOME, { input: { householdId: h.id, year: 2020, incomePerCapita: 5200 } });
    const refused = await (await hub.as('DEPARTMENT_OFFICER', '420115000000', 'EMPLOYMENT', 'dept-zhou')).request(INCOME, { input: { householdId: h.id, year: 2020, incomePerCapita: 1 } });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const bad = await caseworker.request(INCOME, { input: { householdId: h.id, year: 2013, incomePerCapita: 1 } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const rows = (await entriesFor(h.id)).filter((e) => e.action === 'recordIncome');
    expect(rows.map((e) => [e.actor, e.outcome, e.reason])).toEqual([
      ['cw-wang', 'REFUSED', 'BAD_USER_INPUT'],
      ['dept-zhou', 'REFUSED', 'FORBIDDEN'],
      ['cw-wang', 'ALLOWED', null],
    ]);
  });

  test('registration is audited under the new household id', async () => {
    const n = await seed(hub.client).household({ villageCode: village });
    expect((await entriesFor(n.id)).map((e) => [e.action, e.outcome])).toEqual([['registerHousehold', 'ALLOWED']]);
  });
});

describe('refused reads are audited too', () => {
  test('a household outside the jurisdiction, and a forbidden field read over a whole list (one row)', async () => {
    const outside = await caseworker.request(`query($id: ID!) { household(id: $id) { id } }`, { id: away.id });
    expect(errorCode(outside)).toBe('FORBIDDEN');
    expect((await entriesFor(away.id)).map((e) => [e.actor, e.action, e.outcome, e.reason])).toContainEqual(['cw-wang', 'read Household', 'REFUSED', 'FORBIDDEN']);

    const s = seed(hub.client);
    for (let i = 0; i < 3; i++) await s.household({ villageCode: village });
    const dept = await hub.as('DEPARTMENT_OFFICER', '420115000000', 'HOUSING_REPAIR', 'dept-wu');
    const list = await dept.request<{ region: { households: { nodes: unknown[] } } }>(`query($c: ID!) { region(code: $c) { households(first: 10) { nodes { id incomePerCapita(year: 2020) } } } }`, { c: village });
    expect(list.data!.region.households.nodes.length).toBeGreaterThanOrEqual(4);
    const admin = await hub.as('ADMIN');
    const rows = (await admin.data<{ auditLog: { nodes: Entry[] } }>(AUDIT_FULL, {})).auditLog.nodes.filter((e) => e.actor === 'dept-wu');
    expect(rows.map((e) => [e.action, e.outcome])).toEqual([['read Household.incomePerCapita', 'REFUSED']]);
  });
});

describe('the audit log', () => {
  test('AUDITOR reads it paged and filtered by subject; entries of other jurisdictions are left out', async () => {
    const memberId = h.members[0]!.id;
    // A caller inside the auditor's county acts on this member, and callers outside it: a national ADMIN and another county's caseworker.
    for (const reason of ['核对', '复核', '再核', '终核']) await caseworker.data(REVEAL, { memberId, reason });
    await (await hub.as('ADMIN', '000000000000', undefined, 'admin-national')).data(REVEAL, { memberId, reason: '全国核查' });
    expect(errorCode(await (await hub.as('CASEWORKER', '420116000000', undefined, 'cw-elsewhere')).request(REVEAL, { memberId, reason: 'curious' }))).toBe('FORBIDDEN');
    // Two pages of two are the first four, in order: none skipped, none repeated.
    type Page = { auditLog: { nodes: Entry[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const four = await auditor.data<Page>(AUDIT, { first: 4 });
    expect(new Set(four.auditLog.nodes.map((e) => e.correlationId)).size).toBe(4);
    const page = await auditor.data<Page>(AUDIT, { first: 2 });
    expect(page.auditLog.pageInfo.hasNextPage).toBe(true);
    const next = await auditor.data<Page>(AUDIT, { first: 2, after: page.auditLog.pageInfo.endCursor });
    expect([...page.auditLog.nodes, ...next.auditLog.nodes]).toEqual(four.auditLog.nodes);
    const everyone = (await entriesFor(memberId)).map((e) => e.actor);
    expect(everyone).toEqual(expect.arrayContaining(['admin-national', 'cw-elsewhere', 'cw-wang']));

    const mine = await auditor.data<{ auditLog: { nodes: Entry[] } }>(AUDIT, { subjectId: memberId, first: 100 });
    expect(mine.auditLog.nodes.every((e) => e.subjectId === memberId)).toBe(true);
    // Only the entries of callers within the auditor's county.
    expect(mine.auditLog.nodes.map((e) => e.actor).sort()).toEqual(everyone.filter((a) => a !== 'admin-national' && a !== 'cw-elsewhere').sort());
    expect(mine.auditLog.nodes.map((e) => e.actor)).toContain('cw-wang');
  });

  test.each(['CASEWORKER', 'COUNTY_OFFICER'] as const)('%s may not read it', async (role) => {
    const res = await (await hub.as(role, '420115000000')).request(AUDIT, { first: 5 });
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  test('the serving database role cannot update, delete or truncate it', async () => {
    const conn = hub.subgraphs.households!.orm.em.fork().getConnection();
    await expect(conn.execute(`update audit_log set reason = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(conn.execute(`delete from audit_log`)).rejects.toThrow(/permission denied/);
    await expect(conn.execute(`truncate audit_log`)).rejects.toThrow(/permission denied/);
  });

  test('the chain verifies, and a row changed by someone with full rights is detected', async () => {
    const owner = await MikroORM.init({ clientUrl: hub.subgraphs.households!.ownerUrl, entities: [], discovery: { warnWhenNoEntities: false }, metadataProvider: ReflectMetadataProvider, allowGlobalContext: true });
    try {
      const before = await verifyAuditChain(owner.em.fork());
      expect(before.rows).toBeGreaterThan(5);
      expect(before.brokenAt).toBeNull();
      const conn = owner.em.getConnection();
      // Even the owner must first switch the guard off.
      await expect(conn.execute(`update audit_log set outcome = 'ALLOWED' where outcome = 'REFUSED'`)).rejects.toThrow(/append-only/);
      const [{ id }] = await conn.execute<{ id: string }[]>(`select id from audit_log where outcome = 'REFUSED' order by id limit 1`);
      await conn.execute(`alter table audit_log disable trigger audit_log_no_update_delete`);
      await conn.execute(`update audit_log set outcome = 'ALLOWED' where id = ?`, [id]);
      await conn.execute(`alter table audit_log enable trigger audit_log_no_update_delete`);
      expect(await verifyAuditChain(owner.em.fork())).toMatchObject({ brokenAt: String(id) });
    } finally {
      await owner.close(true);
    }
  });
});

describe("every subgraph's audit log, through the gateway", () => {
  const LOGS = `query($subjectId: ID) { auditLogs {
    healthInsurance(first: 100, subjectId: $subjectId) { totalCount nodes { actor role region action subjectId outcome reason } }
    households(first: 100, subjectId: $subjectId) { totalCount nodes { action } } } }`;
  const ENROLL = `mutation($input: EnrollInsuranceInput!) { enrollInsurance(input: $input) { year } }`;
  type Logs = { auditLogs: { healthInsurance: { totalCount: number; nodes: Entry[] & { region: string }[] }; households: { totalCount: number; nodes: { action: string }[] } } };

  test("an auditor reads the health department's rows, its own county's only, beside the registry's", async () => {
    const memberId = h.members[0]!.id;
    const input = { memberId, year: 2020, scheme: 'RESIDENT_BASIC', premium: 280, subsidy: 280 };
    await (await hub.as('DEPARTMENT_OFFICER', '420115000000', 'HEALTH_INSURANCE', 'health-wu')).data(ENROLL, { input });
    const stranger = await hub.as('DEPARTMENT_OFFICER', '420116000000', 'HEALTH_INSURANCE', 'health-zheng');
    expect(errorCode(await stranger.request(ENROLL, { input }))).toBe('FORBIDDEN');

    const { auditLogs } = await auditor.data<Logs>(LOGS, { subjectId: memberId });
    expect(auditLogs.healthInsurance.nodes).toEqual([{ actor: 'health-wu', role: 'DEPARTMENT_OFFICER', region: '420115000000', action: 'enrollInsurance', subjectId: memberId, outcome: 'ALLOWED', reason: null }]);
    expect(auditLogs.healthInsurance.totalCount).toBe(1);
    // The registry's log of the same member (the reveals above) comes from the registry's database.
    expect(auditLogs.households.nodes.map((n) => n.action)).toContain('revealIdNumber');
    expect(auditLogs.households.nodes.map((n) => n.action)).not.toContain('enrollInsurance');

    // The other county's auditor sees the refusal of its own officer, not the write.
    const theirs = await (await hub.as('AUDITOR', '420116000000')).data<Logs>(LOGS, { subjectId: memberId });
    expect(theirs.auditLogs.healthInsurance.nodes).toEqual([expect.objectContaining({ actor: 'health-zheng', action: 'enrollInsurance', outcome: 'REFUSED', reason: 'FORBIDDEN' })]);
  });

  test.each([
    ['CASEWORKER', undefined],
    ['DEPARTMENT_OFFICER', 'HEALTH_INSURANCE'],
  ] as const)('%s (%s) may not read them', async (role, department) => {
    const res = await (await hub.as(role, '420115000000', department)).request<Logs>(`{ auditLogs { healthInsurance(first: 5) { totalCount } } }`);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.data?.auditLogs ?? null).toBeNull();
  });
});
