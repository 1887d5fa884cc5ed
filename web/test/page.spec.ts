import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { planted } from './planted.js';

const p = planted();
const SHOTS = 'test-results/screenshots';
const HEALTH = 'health-insurance';

/** Every request the page sends to /graphql, to prove it sends only manifest documents by id. */
const sent: { documentId?: unknown; query?: unknown }[] = [];

async function signIn(page: Page, role: string, region = p.county, subject = `web-${role.toLowerCase()}`, department?: string): Promise<void> {
  page.on('request', (req) => {
    if (req.url().endsWith('/graphql') && req.method() === 'POST') sent.push(JSON.parse(req.postData() ?? '{}') as { documentId?: unknown });
  });
  await page.goto(`${p.origin}/app/`);
  await page.getByLabel('角色').selectOption(role);
  await page.getByLabel('辖区代码').fill(region);
  if (department) await page.getByLabel('部门').selectOption(department);
  await page.getByLabel('用户名（可选）').fill(subject);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('户编号或身份证号').fill(text);
  await page.getByRole('button', { name: '查询', exact: true }).click();
}

/** A development token from the gateway, for reading what the page cannot (the audit log). */
async function token(role: string, region: string): Promise<string> {
  const res = await fetch(`${p.origin}/app/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, region, subject: 'web-test-admin' }) });
  return ((await res.json()) as { token: string }).token;
}

async function noSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.afterEach(() => {
  // Trusted documents: the gateway enforces them, and the page never sent free text.
  for (const body of sent.splice(0)) {
    expect(body.query).toBeUndefined();
    expect(String(body.documentId)).toMatch(/^sha256:[0-9a-f]{64}$/);
  }
});

test('search by household number, open the household, see the planted gap and the five batches', async ({ page }) => {
  await signIn(page, 'CASEWORKER');
  await search(page, p.gapped.number);
  await expect(page.getByRole('heading', { name: new RegExp(`户编号 ${p.gapped.number}`) })).toBeVisible();
  expect(sent.length).toBeGreaterThan(0);
  // The five batches, each covered or not.
  await expect(page.locator('.batch')).toHaveCount(5);
  await expect(page.locator('.batch[data-covered="false"]')).toHaveCount(5);
  await expect(page.locator('.batch[data-batch="SOCIAL_SECURITY"]')).toContainText('社会保障兜底一批');
  // The planted gap: 王建国 is not insured; the department to call is the medical insurance bureau.
  const gap = page.locator('tr[data-gap="UNINSURED_MEMBER"]', { hasText: '王建国' });
  await expect(gap).toContainText('未参加基本医保');
  await expect(gap).toContainText('医保局');
  await expect(gap.locator('[title="UNINSURED_MEMBER"]')).toBeVisible();
  await expect(page.getByTestId('exit-eligible')).toHaveText('未达到');
  // Masked ID numbers: never the whole number before a reveal.
  await expect(page.locator('.members')).not.toContainText(p.gapped.members[0]!.idNumber);
  await expect(page.locator('.history')).toContainText('未脱贫');
  await page.screenshot({ path: `${SHOTS}/household-1366.png`, fullPage: true });
  await noSeriousViolations(page);
});

test('search by ID number (the audited lookup) opens the household that meets the exit standard', async ({ page }) => {
  await signIn(page, 'CASEWORKER');
  await search(page, await idNumberOfEligibleHead());
  await expect(page.getByRole('heading', { name: new RegExp(`户编号 ${p.eligible.number}`) })).toBeVisible();
  await expect(page.getByTestId('exit-eligible')).toHaveText('已达到');
  await expect(page.locator('.batch[data-batch="PRODUCTION"]')).toHaveAttribute('data-covered', 'true');
});

/** The eligible household's head's ID number, as a county officer would type it (read once through the audited reveal). */
async function idNumberOfEligibleHead(): Promise<string> {
  const admin = await token('ADMIN', '000000000000');
  const q = async (query: string, variables: Record<string, unknown>) =>
    (await (await fetch(`${p.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ query, variables }) })).json()) as { data: never };
  const { household } = (await q('query($id: ID!) { household(id: $id) { members { id } } }', { id: p.eligible.id })).data as { household: { members: { id: string }[] } };
  const { revealIdNumber } = (await q('mutation($m: ID!) { revealIdNumber(memberId: $m, reason: "浏览器测试取号") }', { m: household.members[0]!.id })).data as { revealIdNumber: string };
  return revealIdNumber;
}

test('reveal an ID number with a reason: shown in full, and audited with the reason', async ({ page }) => {
  await signIn(page, 'CASEWORKER', p.county, 'cw-reveal');
  await page.goto(`${p.origin}/app/#/household/${p.gapped.id}`);
  const member = p.gapped.members[0]!;
  await page.getByRole('button', { name: `查看完整号码：${member.name}` }).click();
  const dialog = page.getByRole('dialog');
  // No reason, no reveal.
  await dialog.getByRole('button', { name: '确认查看' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('查看原因').fill('核对医保参保信息');
  await dialog.getByRole('button', { name: '确认查看' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(`tr[data-member="${member.id}"] .id-number`)).toHaveText(member.idNumber);
  const admin = await token('ADMIN', '000000000000');
  const res = await fetch(`${p.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: 'query($s: ID) { auditLog(first: 20, subjectId: $s) { nodes { actor role action outcome reason } } }', variables: { s: member.id } }),
  });
  const nodes = ((await res.json()) as { data: { auditLog: { nodes: Record<string, string>[] } } }).data.auditLog.nodes;
  expect(nodes).toContainEqual({ actor: 'cw-reveal', role: 'CASEWORKER', action: 'revealIdNumber', outcome: 'ALLOWED', reason: '核对医保参保信息' });
});

test('dashboard: four zeros of the county, a bar chart, drill down to the village and its households', async ({ page }) => {
  await signIn(page, 'COUNTY_OFFICER');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '辖区看板' }).click();
  await expect(page.getByRole('heading', { name: /四个清零/ })).toBeVisible();
  await expect(page.locator('.chart canvas')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dashboard-county.png`, fullPage: true });
  await noSeriousViolations(page);
  // The township's unsafe-housing count (the planted households were never appraised) leads to it.
  const township = page.locator(`tr[data-region="${p.township}"]`);
  await expect(township.getByRole('link', { name: /危房户 [1-9]/ })).toBeVisible();
  await township.getByRole('link', { name: /危房户/ }).click();
  await page.locator(`tr[data-region="${p.village}"]`).getByRole('link', { name: /危房户/ }).click();
  await expect(page.getByRole('heading', { name: '本村贫困户' })).toBeVisible();
  await page.getByRole('link', { name: p.gapped.number }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`户编号 ${p.gapped.number}`) })).toBeVisible();
});

test('a department down: the household view shows the rest, naming the department', async ({ page }) => {
  await signIn(page, 'CASEWORKER');
  await fetch(`${p.control}/down/${HEALTH}`, { method: 'POST' });
  try {
    await page.goto(`${p.origin}/app/#/household/${p.gapped.id}`);
    const notice = page.locator('[data-state="department-unavailable"]');
    await expect(notice).toContainText('医保局');
    // The registry's part is there.
    await expect(page.getByRole('heading', { name: new RegExp(`户编号 ${p.gapped.number}`) })).toBeVisible();
    await expect(page.locator('.members')).toContainText('王建国');
    await page.screenshot({ path: `${SHOTS}/household-department-down.png`, fullPage: true });
  } finally {
    await fetch(`${p.control}/up/${HEALTH}`, { method: 'POST' });
  }
});

test("a household outside the caseworker's region: forbidden, and nothing of it shown", async ({ page }) => {
  await signIn(page, 'CASEWORKER');
  await page.goto(`${p.origin}/app/#/household/${p.away.id}`);
  await expect(page.locator('[data-state="forbidden"]')).toContainText('无权查看');
  await expect(page.locator('body')).not.toContainText('孙远');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '查询' }).click();
  await search(page, p.away.number);
  await expect(page.locator('[data-state="not-found"], [data-state="forbidden"]')).toBeVisible();
});

test('not found, and an expired session back to sign-in', async ({ page }) => {
  await signIn(page, 'CASEWORKER');
  await page.goto(`${p.origin}/app/#/household/00000000-0000-4000-8000-000000000000`);
  await expect(page.locator('[data-state="not-found"]')).toBeVisible();
  // A token the gateway no longer takes (here: signed by nobody it trusts).
  await page.evaluate(() => {
    const s = JSON.parse(sessionStorage.getItem('fupin.session')!) as { token: string };
    const [h, c] = s.token.split('.');
    sessionStorage.setItem('fupin.session', JSON.stringify({ ...s, token: `${h}.${c}.invalid` }));
  });
  await page.reload();
  await page.goto(`${p.origin}/app/#/household/${p.gapped.id}`);
  await expect(page.locator('[data-state="expired"]')).toBeVisible();
});

test('phone width: the household view in one column', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'CASEWORKER');
  await page.goto(`${p.origin}/app/#/household/${p.gapped.id}`);
  await expect(page.locator('.batch')).toHaveCount(5);
  // Nothing wider than the screen but the tables, which scroll inside their box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/household-phone.png`, fullPage: true });
  await noSeriousViolations(page);
});

test('an exit in four steps by four people: proposed, objected to, reviewed by the township, decided by the county', async ({ page }) => {
  const township = p.township;
  const open = async () => {
    await page.goto(`${p.origin}/app/#/household/${p.eligible.id}`);
    await expect(page.getByRole('heading', { name: new RegExp(`户编号 ${p.eligible.number}`) })).toBeVisible();
  };
  const as = async (role: string, region: string, subject: string) => {
    await page.goto(`${p.origin}/app/`);
    if (await page.getByRole('button', { name: '退出' }).isVisible()) await page.getByRole('button', { name: '退出' }).click();
    await signIn(page, role, region, subject);
    await open();
  };
  const proposal = page.locator('.proposal[data-step]');
  const message = page.getByTestId('procedure-message');

  // 1. The village proposes the exit (民主评议).
  await as('CASEWORKER', p.village, 'village-cadre');
  const propose = page.getByRole('form', { name: '提出状态变更' });
  await propose.getByLabel('变更为').selectOption('LIFTED');
  await propose.getByLabel('生效日期').fill('2020-12-20');
  await propose.getByLabel('理由（民主评议结果）').fill('民主评议 达标');
  await propose.getByRole('button', { name: '提出申请' }).click();
  await expect(message).toHaveText('已提出申请');
  await expect(proposal).toHaveCount(1);
  // The proposer cannot review their own proposal: the hub's refusal is shown.
  await proposal.getByLabel('意见或理由').fill('自审');
  await proposal.getByRole('button', { name: '乡镇审核同意' }).click();
  await expect(message).toContainText('未办理');

  // 2. Someone else records an objection while it is published (公示).
  await as('CASEWORKER', p.village, 'notice-clerk');
  await proposal.getByLabel('意见或理由').fill('村民反映收入不实');
  await proposal.getByRole('button', { name: '记录异议' }).click();
  await expect(message).toHaveText('已记录异议');
  await expect(proposal).toContainText('异议：村民反映收入不实');

  // 3. The township reviews it (乡镇审核).
  await as('CASEWORKER', township, 'township-head');
  await proposal.getByLabel('意见或理由').fill('核实收入，同意');
  await proposal.getByRole('button', { name: '乡镇审核同意' }).click();
  await expect(message).toHaveText('乡镇审核：同意');
  await expect(proposal).toHaveAttribute('data-step', 'COUNTY');

  // 4. The county decides (县级审定): the household is lifted.
  await as('COUNTY_OFFICER', p.county, 'county-head');
  await proposal.getByLabel('意见或理由').fill('县级审定 同意退出');
  await proposal.getByRole('button', { name: '县级审定批准' }).click();
  await expect(message).toHaveText('县级审定：批准');
  await expect(page.locator('.facts')).toContainText('已脱贫');
  await expect(page.locator('.proposal[data-step="APPROVED"]')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/household-exit-approved.png`, fullPage: true });
});
