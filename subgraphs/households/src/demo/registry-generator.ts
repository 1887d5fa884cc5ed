import { makeIdNumber, povertyLineFen } from '@fupin/kit';
import { Random } from '@fupin/kit/bulk';

/**
 * A synthetic county-scale registry under the seeds' real county codes, with mixes of
 * causes, types, ages, labor capacity and health drawn from what the seed reports describe
 * (illness the first cause, most households lifted by 2020, a tail of relapse and monitoring).
 */

export interface RegionRow { code: string; name: string; level: string; parentCode: string | null; isPovertyVillage: boolean; povertyVillageExitYear: number | null }
export interface HouseholdRow { id: string; householdNumber: string; villageCode: string; type: string; status: string; identifiedYear: number; mainCause: string; otherCauses: string[]; safeDrinkingWater: boolean; helper: string }
export interface MemberRow { id: string; householdId: string; position: number; name: string; idNumber: string; gender: string; birthDate: string; relationToHead: string; healthStatus: string; disabilityGrade: number | null; laborCapacity: string }
export interface IncomeRow { householdId: string; year: number; fen: number }
export interface StatusRow { householdId: string; previousStatus: string | null; status: string; effectiveDate: string; reason: string }

export interface GeneratedHousehold {
  household: HouseholdRow;
  members: MemberRow[];
  incomes: IncomeRow[];
  history: StatusRow[];
}

const COUNTIES = [
  { province: ['420000000000', '湖北省'], city: ['420100000000', '武汉市'], county: ['420115000000', '江夏区'] },
  { province: ['420000000000', '湖北省'], city: ['420100000000', '武汉市'], county: ['420116000000', '黄陂区'] },
  { province: ['420000000000', '湖北省'], city: ['420100000000', '武汉市'], county: ['420117000000', '新洲区'] },
  { province: ['420000000000', '湖北省'], city: ['420100000000', '武汉市'], county: ['420114000000', '蔡甸区'] },
  { province: ['610000000000', '陕西省'], city: ['610800000000', '榆林市'], county: ['610824000000', '靖边县'] },
  { province: ['230000000000', '黑龙江省'], city: ['230800000000', '佳木斯市'], county: ['230882000000', '富锦市'] },
] as const;

const TOWN_NAMES = ['山坡', '安山', '湖泗', '舒安', '法泗', '金口', '乌龙泉', '郑店', '五里界', '豹澥', '流芳', '纸坊', '土桥', '梁湖', '河口'];
const VILLAGE_WORDS = ['桥', '湾', '岭', '河', '坪', '冲', '岗', '畈', '湖', '林', '堡', '店'];
const VILLAGE_PREFIX = ['东', '西', '南', '北', '上', '下', '新', '老', '大', '小', '石', '柳', '杨', '刘', '陈', '黄', '高', '长'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建国', '春花', '小红', '志强', '德明'];

const CAUSES: [string, number][] = [
  ['ILLNESS', 42], ['DISABILITY', 14], ['LACK_OF_SKILLS', 10], ['LACK_OF_LABOR', 9], ['SCHOOLING', 7], ['LACK_OF_FUNDS', 6],
  ['DISASTER', 3], ['LACK_OF_LAND', 2], ['LACK_OF_WATER', 2], ['POOR_TRANSPORT', 2], ['LACK_OF_MOTIVATION', 2], ['MARRIAGE', 0.5], ['OTHER', 0.5],
];
const TYPES: [string, number][] = [['GENERAL', 75], ['DIBAO', 18], ['TEKUN', 7]];
const SIZES: [number, number][] = [[1, 12], [2, 22], [3, 26], [4, 22], [5, 12], [6, 6]];
// Where a household stands now: most lifted by 2020, some relapsed or under monitoring.
const PATHS: [string[], number][] = [[['POOR'], 12], [['POOR', 'LIFTED'], 74], [['POOR', 'LIFTED', 'RELAPSED'], 4], [['POOR', 'LIFTED', 'MONITORED'], 6], [['POOR', 'LIFTED', 'RELAPSED', 'LIFTED'], 4]];

export interface Plan {
  regions: RegionRow[];
  villages: string[];
  /** How many households each village gets, in village order. */
  householdsPerVillage: number[];
}

/** Regions for `households` households: about 100 per village, 20 villages per township. */
export function planRegions(households: number, seed: number, counties = households <= 5000 ? 1 : COUNTIES.length): Plan {
  const rnd = new Random(seed ^ 0x5eed);
  const villagesNeeded = Math.max(1, Math.ceil(households / 100));
  const villagesPerTownship = households <= 5000 ? 6 : 20;
  const townships = Math.ceil(villagesNeeded / villagesPerTownship);
  const regions = new Map<string, RegionRow>();
  const add = (code: string, name: string, level: string, parentCode: string | null, poverty = false) => {
    if (!regions.has(code)) regions.set(code, { code, name, level, parentCode, isPovertyVillage: poverty, povertyVillageExitYear: poverty ? rnd.weighted([[2017, 2], [2018, 3], [2019, 4], [2020, 2]]) : null });
  };
  const villages: string[] = [];
  for (let t = 0; t < townships; t++) {
    const c = COUNTIES[t % counties]!;
    add(c.province[0], c.province[1], 'PROVINCE', null);
    add(c.city[0], c.city[1], 'CITY', c.province[0]);
    add(c.county[0], c.county[1], 'COUNTY', c.city[0]);
    const townNo = Math.floor(t / counties) + 101;
    const township = `${c.county[0].slice(0, 6)}${townNo}000`;
    add(township, `${TOWN_NAMES[townNo % TOWN_NAMES.length]}${townNo > 100 + TOWN_NAMES.length ? townNo : ''}镇`, 'TOWNSHIP', c.county[0]);
    for (let v = 0; v < villagesPerTownship && villages.length < villagesNeeded; v++) {
      const code = `${township.slice(0, 9)}${String(201 + v).padStart(3, '0')}`;
      add(code, `${rnd.pick(VILLAGE_PREFIX)}${rnd.pick(VILLAGE_WORDS)}村`, 'VILLAGE', township, rnd.chance(0.35));
      villages.push(code);
    }
  }
  // Spread households over villages unevenly (40 to 160 weight), summing exactly to the total.
  const weights = villages.map(() => rnd.int(40, 160));
  const sum = weights.reduce((a, b) => a + b, 0);
  const householdsPerVillage = weights.map((w) => Math.floor((w / sum) * households));
  let left = households - householdsPerVillage.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % villages.length, left--) householdsPerVillage[i]!++;
  return { regions: [...regions.values()], villages, householdsPerVillage };
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Hands out ID numbers that are valid and unique within the run. */
class IdNumbers {
  private readonly used = new Map<string, number>();

  next(region6: string, birth: { y: number; m: number; d: number }, male: boolean): { idNumber: string; birthDate: string } {
    const { y } = birth;
    let { m, d } = birth;
    for (;;) {
      const birthDate = iso(y, m, d);
      const key = `${region6}${birthDate}${male ? 1 : 0}`;
      const n = this.used.get(key) ?? 0;
      if (n < 500) {
        this.used.set(key, n + 1);
        return { idNumber: makeIdNumber(region6, birthDate, n * 2 + (male ? 1 : 0)), birthDate };
      }
      d++;
      if (d > 28) { d = 1; m = m === 12 ? 1 : m + 1; }
    }
  }
}

/** Yields every household of the plan, in village order; the same seed gives the same county. */
export function* generateHouseholds(plan: Plan, seed: number): Generator<GeneratedHousehold> {
  const rnd = new Random(seed);
  const ids = new IdNumbers();
  for (let v = 0; v < plan.villages.length; v++) {
    const villageCode = plan.villages[v]!;
    const region6 = villageCode.slice(0, 6);
    for (let h = 0; h < plan.householdsPerVillage[v]!; h++) {
      const id = rnd.uuid();
      const type = rnd.weighted(TYPES);
      const mainCause = rnd.weighted(CAUSES);
      const otherCauses = rnd.chance(0.4) ? [rnd.weighted(CAUSES)].filter((c) => c !== mainCause) : [];
      const identifiedYear = rnd.weighted([[2014, 40], [2015, 20], [2016, 15], [2017, 12], [2018, 8], [2019, 5]]);
      const size = type === 'TEKUN' ? rnd.weighted([[1, 80], [2, 20]]) : rnd.weighted(SIZES);
      const surname = rnd.pick(SURNAMES);
      const members: MemberRow[] = [];
      const headMale = rnd.chance(0.82);
      const headAge = type === 'TEKUN' ? rnd.int(60, 88) : rnd.int(32, 78);
      const addMember = (relation: string, age: number, male: boolean, ownSurname = true) => {
        const born = { y: 2020 - age, m: rnd.int(1, 12), d: rnd.int(1, 28) };
        const { idNumber, birthDate } = ids.next(region6, born, male);
        let health = rnd.weighted([['HEALTHY', 70], ['CHRONIC_ILLNESS', 18], ['SERIOUS_ILLNESS', 5], ['DISABLED', 7]]);
        if (relation === 'HEAD' && mainCause === 'ILLNESS') health = rnd.weighted([['CHRONIC_ILLNESS', 60], ['SERIOUS_ILLNESS', 40]]);
        if (relation === 'HEAD' && mainCause === 'DISABILITY') health = 'DISABLED';
        const working = age >= 16 && age <= 60;
        const labor = !working
          ? rnd.weighted([['WEAK', 30], ['LOST', 20], ['NONE', 50]])
          : health === 'HEALTHY'
            ? rnd.weighted([['SKILLED', 20], ['ORDINARY', 70], ['WEAK', 10]])
            : health === 'CHRONIC_ILLNESS'
              ? rnd.weighted([['ORDINARY', 30], ['WEAK', 60], ['LOST', 10]])
              : rnd.weighted([['WEAK', 30], ['LOST', 70]]);
        members.push({
          id: rnd.uuid(),
          householdId: id,
          position: members.length,
          name: (ownSurname ? surname : rnd.pick(SURNAMES)) + rnd.pick(GIVEN),
          idNumber,
          gender: male ? 'MALE' : 'FEMALE',
          birthDate,
          relationToHead: relation,
          healthStatus: health,
          disabilityGrade: health === 'DISABLED' ? rnd.int(1, 4) : null,
          laborCapacity: labor,
        });
      };
      addMember('HEAD', headAge, headMale);
      let slots = size - 1;
      if (slots > 0 && rnd.chance(0.8)) { addMember('SPOUSE', Math.max(20, headAge + rnd.int(-5, 5)), !headMale, false); slots--; }
      while (slots > 0) {
        const kind = rnd.weighted([['CHILD', 60], ['PARENT', 15], ['GRANDCHILD', 15], ['CHILD_IN_LAW', 5], ['SIBLING', 5]]);
        const age =
          kind === 'CHILD' ? Math.max(0, headAge - rnd.int(20, 35)) :
          kind === 'PARENT' ? Math.min(100, headAge + rnd.int(20, 30)) :
          kind === 'GRANDCHILD' ? Math.max(0, headAge - rnd.int(45, 60)) :
          kind === 'CHILD_IN_LAW' ? Math.max(18, headAge - rnd.int(20, 35)) : headAge + rnd.int(-8, 8);
        addMember(kind, age, rnd.chance(0.5), kind !== 'CHILD_IN_LAW');
        slots--;
      }

      const path = rnd.weighted(PATHS);
      const history: StatusRow[] = [{ householdId: id, previousStatus: null, status: 'POOR', effectiveDate: iso(identifiedYear, 1, 1), reason: '建档立卡 registered' }];
      let year = identifiedYear;
      for (let i = 1; i < path.length; i++) {
        // Strictly later years keep the history in order.
        year = Math.max(year + 1, Math.min(2020, year + rnd.int(1, 3)));
        history.push({ householdId: id, previousStatus: path[i - 1]!, status: path[i]!, effectiveDate: iso(year, rnd.int(1, 12), rnd.int(1, 28)), reason: path[i] === 'LIFTED' ? '两不愁三保障 达标' : path[i] === 'RELAPSED' ? '因病返贫' : '脱贫监测' });
      }
      const status = path[path.length - 1]!;
      const lifted = status === 'LIFTED' || status === 'MONITORED';
      const incomes: IncomeRow[] = [];
      for (const y of [2019, 2020]) {
        const line = povertyLineFen(y);
        // Lifted households sit above the line, the others around or below it; whole fen.
        const factor = lifted ? 1.1 + rnd.next() * 1.6 : 0.55 + rnd.next() * 0.5;
        incomes.push({ householdId: id, year: y, fen: Math.round(line * factor) });
      }
      yield {
        household: {
          id,
          householdNumber: `${villageCode}${String(h + 1).padStart(4, '0')}`,
          villageCode,
          type,
          status,
          identifiedYear,
          mainCause,
          otherCauses,
          safeDrinkingWater: rnd.chance(0.95),
          helper: rnd.pick(SURNAMES) + rnd.pick(GIVEN),
        },
        members,
        incomes,
        history,
      };
    }
  }
}

/** The ID numbers a seeded registry holds, in order: a department's list to match against it (demo lists, benchmarks). */
export function* generatedIdNumbers(households: number, seed: number): Generator<string> {
  for (const h of generateHouseholds(planRegions(households, seed), seed)) for (const m of h.members) yield m.idNumber;
}
