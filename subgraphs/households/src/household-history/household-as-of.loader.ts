import { oneLoader } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdType, PovertyCause, PovertyStatus } from '../household/household.enums.js';
import type { MemberEntity } from '../member/member.entity.js';

/** A household and a day: the key of every as-of read. */
export interface HouseholdDay {
  householdId: string;
  date: string;
}

export interface HouseholdAsOfRow {
  householdId: string;
  date: string;
  status: PovertyStatus;
  type: HouseholdType;
  identifiedYear: number;
  mainCause: PovertyCause;
  otherCauses: PovertyCause[];
  safeDrinkingWater: boolean;
  helper: string | null;
  members: MemberEntity[];
}

/** The keys as two arrays that `unnest` pairs up again: one statement whatever the batch. */
const KEYS = `with k as (select * from unnest(?::uuid[], ?::date[]) as k(household_id, d))`;

/** A value as of the day: the `was` of the first change after it, if that change replaced it, else today's. */
const overlay = <T>(was: Record<string, unknown> | null, column: string, now: T): T => (was && column in was ? (was[column] as T) : now);

interface HouseholdSql {
  household_id: string;
  d: string;
  status: PovertyStatus | null;
  type: HouseholdType;
  identified_year: number;
  main_cause: PovertyCause;
  other_causes: PovertyCause[];
  safe_drinking_water: boolean;
  helper: string | null;
  was: Record<string, unknown> | null;
}

type MemberSql = Record<string, unknown> & { household_id: string; d: string; was: Record<string, unknown> | null };

/**
 * The households as they stood at the end of given days: two statements per batch (households,
 * members), whatever the number of households and days. Attributes are today's row overlaid with
 * the `was` of the first change dated after the day; the status is the last history entry dated
 * on or before it; the members are those whose range holds the day. Before the household's first
 * status entry (1 January of the year identified) it was not in the registry: null.
 */
export async function householdsAsOf(em: EntityManager, keys: readonly HouseholdDay[]): Promise<HouseholdAsOfRow[]> {
  const conn = em.getConnection();
  const params = [`{${keys.map((k) => k.householdId).join(',')}}`, `{${keys.map((k) => k.date).join(',')}}`];
  const [households, members] = await Promise.all([
    conn.execute<HouseholdSql[]>(
      `${KEYS}
       select k.household_id, k.d::text as d, s.status, h.type, h.identified_year, h.main_cause, h.other_causes, h.safe_drinking_water, h.helper, c.was
         from k join household h on h.id = k.household_id
         left join lateral (select c.was from household_change c where c.household_id = h.id and c.effective_date > k.d order by c.effective_date, c.id limit 1) c on true
         left join lateral (select s.status from household_status_change s where s.household_id = h.id and s.effective_date <= k.d order by s.effective_date desc, s.id desc limit 1) s on true`,
      params,
    ),
    conn.execute<MemberSql[]>(
      `${KEYS}
       select k.household_id, k.d::text as d, m.id, m.position, m.name, m.id_number_masked, m.gender, m.birth_date::text as birth_date,
              m.relation_to_head, m.health_status, m.disability_grade, m.labor_capacity, m.joined_on::text as joined_on, m.left_on::text as left_on, c.was
         from k join member m on m.household_id = k.household_id
              and (m.joined_on is null or m.joined_on <= k.d) and (m.left_on is null or m.left_on > k.d)
         left join lateral (select c.was from member_change c where c.member_id = m.id and c.effective_date > k.d order by c.effective_date, c.id limit 1) c on true
        order by k.household_id, k.d, m.position`,
      params,
    ),
  ]);
  const byKey = new Map<string, MemberEntity[]>();
  for (const m of members) {
    const key = `${m.household_id}|${m.d}`;
    const list = byKey.get(key) ?? [];
    list.push({
      id: m.id,
      householdId: m.household_id,
      position: m.position,
      name: m.name,
      idNumberMasked: m.id_number_masked,
      gender: m.gender,
      birthDate: m.birth_date,
      relationToHead: overlay(m.was, 'relation_to_head', m.relation_to_head),
      healthStatus: overlay(m.was, 'health_status', m.health_status),
      disabilityGrade: overlay(m.was, 'disability_grade', m.disability_grade),
      laborCapacity: overlay(m.was, 'labor_capacity', m.labor_capacity),
      joinedOn: m.joined_on,
      leftOn: m.left_on,
    } as unknown as MemberEntity);
    byKey.set(key, list);
  }
  return households.flatMap((h) => {
    if (h.status === null) return [];
    return [{
      householdId: h.household_id,
      date: h.d,
      status: h.status,
      type: overlay(h.was, 'type', h.type),
      identifiedYear: h.identified_year,
      mainCause: overlay(h.was, 'main_cause', h.main_cause),
      otherCauses: overlay(h.was, 'other_causes', h.other_causes),
      safeDrinkingWater: overlay(h.was, 'safe_drinking_water', h.safe_drinking_water),
      helper: overlay(h.was, 'helper', h.helper),
      members: byKey.get(`${h.household_id}|${h.d}`) ?? [],
    }];
  });
}

export function householdAsOfLoaders(em: EntityManager) {
  return {
    householdAsOf: oneLoader(
      (keys: readonly HouseholdDay[]) => householdsAsOf(em, keys),
      (row): HouseholdDay => ({ householdId: row.householdId, date: row.date }),
      (k) => `${k.householdId}|${k.date}`,
    ),
  };
}
