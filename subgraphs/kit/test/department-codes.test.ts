import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineDepartment, DEPARTMENTS, departmentCodes, readCaller, readSubgraphList } from '../src/index.js';

// Department codes come from the one list of subgraphs: a code written there is a code tokens
// and rules know, with no edit to the kit.
let dir: string;
const list = async (entries: unknown[]) => {
  const path = join(dir, 'subgraphs.json');
  await writeFile(path, JSON.stringify(entries));
  return path;
};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fupin-codes-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test("the kit's codes are the list's, in list order, each once", () => {
  expect(DEPARTMENTS).toEqual(['HEALTH_INSURANCE', 'EDUCATION_AID', 'HOUSING_REPAIR', 'EMPLOYMENT']);
  expect(DEPARTMENTS).toEqual(departmentCodes());
  expect(readSubgraphList().find((s) => s.name === 'households')!.department).toBeUndefined();
});

test('a code new to a list is one of its codes; two subgraphs may serve one department', async () => {
  const path = await list([
    { name: 'households', defaultPort: 4001 },
    { name: 'education-aid', defaultPort: 4003, department: 'EDUCATION_AID' },
    { name: 'water-safety', defaultPort: 4006, department: 'WATER_SAFETY' },
    { name: 'school-meals', defaultPort: 4007, department: 'EDUCATION_AID' },
  ]);
  expect(departmentCodes(path)).toEqual(['EDUCATION_AID', 'WATER_SAFETY']);
});

test('a list entry with a code that is not upper case and underscores is refused', async () => {
  for (const department of ['water-safety', 'Water', '', 'WATER__SAFETY', 7]) {
    const path = await list([{ name: 'water-safety', defaultPort: 4006, department }]);
    expect(() => readSubgraphList(path)).toThrow(/is not a subgraph entry/);
  }
});

test("tokens accept the list's codes only, and a department must carry its entry's code", () => {
  expect(readCaller({ sub: 'o', role: 'DEPARTMENT_OFFICER', region: '420115000000', department: 'EMPLOYMENT' })).toEqual(expect.objectContaining({ department: 'EMPLOYMENT' }));
  expect(readCaller({ sub: 'o', role: 'DEPARTMENT_OFFICER', region: '420115000000', department: 'WATER_SAFETY' })).toMatch(/needs a department: HEALTH_INSURANCE, EDUCATION_AID, HOUSING_REPAIR, EMPLOYMENT$/);
  expect(() => defineDepartment('employment', 'HEALTH_INSURANCE')).toThrow(/lists EMPLOYMENT/);
  expect(() => defineDepartment('not-listed', 'WATER_SAFETY')).toThrow(/not in/);
  expect(defineDepartment('employment', 'EMPLOYMENT').writers).toEqual(['ADMIN', 'DEPARTMENT_OFFICER:EMPLOYMENT']);
});
