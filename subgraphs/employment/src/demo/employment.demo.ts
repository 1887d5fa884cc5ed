import { fenToDecimal, todayInChina } from '@fupin/kit';
import { type CopyValue, type DemoCalendar, demoCalendar, type Random, type RosterDemo, type RosterPerson } from '@fupin/kit/bulk';
import { EmploymentStatus as S } from '../employment/employment.enums.js';
import { ageAtYearEnd, WORKING_AGE } from '../employment/employment.rule.js';
import { IndustrySupportKind as K } from '../industry-support/industry-support.enums.js';

type Rows = CopyValue[][];
type Odds<T> = readonly (readonly [T, number])[];

/** Where the able go: most of them away for work (转移就业), some near home; null is no record. */
const ABLE: Odds<S | null> = [
  [S.OUT_OF_PROVINCE, 30], [S.IN_PROVINCE, 18], [S.IN_COUNTY, 14], [S.LOCAL, 8], [S.WORKSHOP, 8], [S.SELF_EMPLOYED, 7],
  [S.PUBLIC_WELFARE_POST, 3], [S.ECOLOGICAL_RANGER, 3], [S.UNEMPLOYED, 5], [null, 4],
];
/** The weak stay home: public posts (公益性岗位), rangers (生态护林员), the village workshop. */
const WEAK: Odds<S | null> = [[S.PUBLIC_WELFARE_POST, 30], [S.ECOLOGICAL_RANGER, 20], [S.WORKSHOP, 10], [S.LOCAL, 5], [S.UNEMPLOYED, 10], [null, 25]];
/** Past working age, some still guard the forest or sweep the village. */
const OLDER: Odds<S | null> = [[S.ECOLOGICAL_RANGER, 8], [S.PUBLIC_WELFARE_POST, 8], [null, 84]];

/** 元 a month, lowest and highest; months worked, fewest and most. */
const PAY: Record<S, { yuan: [number, number]; months: [number, number]; employers: (village: string) => (string | null)[] }> = {
  OUT_OF_PROVINCE: { yuan: [3500, 6500], months: [6, 12], employers: () => ['广东东莞电子厂', '浙江宁波服装厂', '江苏苏州建筑工地', '上海快递公司'] },
  IN_PROVINCE: { yuan: [3000, 5000], months: [6, 12], employers: () => ['省城建筑公司', '市食品加工厂', '市物流园'] },
  IN_COUNTY: { yuan: [2200, 3800], months: [6, 12], employers: () => ['县工业园区纺织厂', '县城家政公司'] },
  LOCAL: { yuan: [1800, 3000], months: [4, 12], employers: (v) => [`${v.slice(6, 9)}乡种养合作社`, null] },
  WORKSHOP: { yuan: [1500, 2600], months: [8, 12], employers: (v) => [`${v.slice(9)}村扶贫车间`] },
  SELF_EMPLOYED: { yuan: [1000, 4000], months: [8, 12], employers: () => [null] },
  PUBLIC_WELFARE_POST: { yuan: [500, 1000], months: [12, 12], employers: () => ['村保洁员', '村道路管护员', '村水管员'] },
  ECOLOGICAL_RANGER: { yuan: [800, 1000], months: [12, 12], employers: () => ['县林业局'] },
  UNEMPLOYED: { yuan: [0, 0], months: [0, 0], employers: () => [null] },
};

const COURSES = [
  ['电工', '低压电工作业证'], ['焊工', '焊工职业资格证'], ['中式烹调', '中式烹调师（初级）'], ['家政服务', '家政服务员证'],
  ['养殖技术', null], ['种植技术', null], ['电子商务', '电子商务培训合格证'], ['挖掘机操作', '挖掘机操作证'],
] as const;

const SUPPORT: Odds<K> = [[K.COOPERATIVE_SHARE, 25], [K.SOLAR_DIVIDEND, 20], [K.LIVESTOCK, 20], [K.CROPS, 15], [K.MICROCREDIT, 10], [K.WORKSHOP, 5], [K.OTHER, 5]];
const SUPPORT_YUAN: Record<K, [number, number, number]> = {
  COOPERATIVE_SHARE: [300, 1000, 1], SOLAR_DIVIDEND: [1000, 3000, 1], LIVESTOCK: [1000, 5000, 100], CROPS: [500, 2000, 100],
  MICROCREDIT: [1, 5, 10000], WORKSHOP: [500, 1500, 1], OTHER: [200, 1000, 1],
};
const SUPPORT_NAME: Record<K, string> = {
  COOPERATIVE_SHARE: '入股种养合作社分红', SOLAR_DIVIDEND: '村级光伏电站收益', LIVESTOCK: '发放能繁母牛', CROPS: '发放果树苗木',
  MICROCREDIT: '扶贫小额信贷', WORKSHOP: '扶贫车间分红', OTHER: '其他产业奖补',
};

interface EmploymentCalendar extends DemoCalendar {
  /** Months of each year up to this one: this year is not over. */
  monthsOf: Map<number, number>;
}

function calendar(seed: number, today = todayInChina()): EmploymentCalendar {
  const c = demoCalendar(seed, today);
  const thisYear = Number(today.slice(0, 4));
  return { ...c, monthsOf: new Map(c.years.map((y) => [y, y < thisYear ? 12 : Number(today.slice(5, 7))])) };
}

function statusOf(person: RosterPerson, age: number, stuck: boolean, r: Random): S | null {
  const labor = person.laborCapacity;
  if (labor === 'LOST' || labor === 'NONE' || age < WORKING_AGE.from) return null;
  // 零就业: nobody in the household found work this year.
  if (stuck) return age <= WORKING_AGE.to && r.chance(0.6) ? S.UNEMPLOYED : null;
  if (age > WORKING_AGE.to) return age <= 70 ? r.weighted(OLDER) : null;
  if (labor === 'WEAK') return r.weighted(WEAK);
  // Many of 16 to 18 are still at school.
  if (age <= 18 && r.chance(0.5)) return null;
  return r.weighted(ABLE);
}

/**
 * One household's employment for each demo year (most of the able away for work, posts and
 * ranger jobs for the weaker, about 3% of households with nobody employed), the trainings its
 * able members took, and the industry support it got.
 */
function generateEmployment(members: readonly RosterPerson[], r: Random, c: EmploymentCalendar) {
  const employment: Rows = [];
  const training: Rows = [];
  const support: Rows = [];
  for (const year of c.years) {
    const months = c.monthsOf.get(year)!;
    const days = c.days.get(year)!;
    const stuck = r.chance(0.03);
    for (const person of members) {
      const age = ageAtYearEnd(person.birthDate, year);
      const status = statusOf(person, age, stuck, r);
      if (status !== null) {
        const pay = PAY[status];
        const employer = r.pick(pay.employers(person.villageCode));
        employment.push([person.memberId, year, status, Math.min(r.int(...pay.months), months), fenToDecimal(r.int(...pay.yuan) * 100), employer]);
      }
      if (age >= WORKING_AGE.from && age <= WORKING_AGE.to && person.laborCapacity !== 'LOST' && person.laborCapacity !== 'NONE' && r.chance(0.08) && days.length) {
        const [course, certificate] = r.pick(COURSES);
        training.push([c.nextId(), person.memberId, course, r.int(3, 15) * 8, certificate !== null && r.chance(0.7) ? certificate : null, r.pick(days)]);
      }
    }
    const measures = r.chance(0.55) ? (r.chance(0.15) ? 2 : 1) : 0;
    for (let i = 0; i < measures; i++) {
      const kind = r.weighted(SUPPORT);
      const [lo, hi, step] = SUPPORT_YUAN[kind];
      support.push([c.nextId(), members[0]!.householdId, year, kind, fenToDecimal(r.int(lo, hi) * step * 100), SUPPORT_NAME[kind]]);
    }
  }
  return { employment, training, industry_support: support };
}

/** The employment department's demo records, made for each household on the roster. */
export const employmentDemo: RosterDemo<EmploymentCalendar> = {
  tables: {
    employment: ['member_id', 'year', 'status', 'months_worked', 'monthly_income', 'employer'],
    training: ['id', 'member_id', 'course', 'hours', 'certificate', 'trained_on'],
    industry_support: ['id', 'household_id', 'year', 'kind', 'amount', 'description'],
  },
  start: (seed) => calendar(seed),
  household: generateEmployment,
};
