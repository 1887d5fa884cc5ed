import {
  BadUserInputError,
  type Caller,
  ExitStandardNotMetError,
  HubError,
  isRegistryYear,
  isUniqueViolation,
  isUuid,
  NotFoundError,
  ProcedureRequiredError,
  type PersonalDataCipher,
  requireRegistryYear,
  requireText,
  readRegionCode,
  todayInChina,
} from '@fupin/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWritable } from '../access.js';
import { coverageOf, type CoverageRequest } from '../household-coverage/coverage.service.js';
import type { ExitEvidence, HouseholdCoverage } from '../household-coverage/coverage.type.js';
import { MemberEntity } from '../member/member.entity.js';
import { checkDistinctPeople, checkRelations, readMemberInput } from '../member/member-facts.js';
import { RegionEntity } from '../region/region.entity.js';
import type { ChangeHouseholdStatusInput } from './change-household-status.input.js';
import { HouseholdEntity } from './household.entity.js';
import { PovertyStatus } from './household.enums.js';
import { IncomeEntity } from './income.entity.js';
import type { RecordIncomeInput } from './record-income.input.js';
import type { RegisterHouseholdInput } from './register-household.input.js';
import { StatusChangeEntity } from './status-change.entity.js';
import { isAllowedChange, isDirectChange } from './status-rules.js';

export const MAX_MEMBERS = 30;

export async function registerHousehold(em: EntityManager, input: RegisterHouseholdInput, caller: Caller, pii: PersonalDataCipher): Promise<HouseholdEntity> {
  const today = todayInChina();
  // A malformed code is the caller's mistake, not a village that is missing.
  const villageCode = readRegionCode(input.villageCode);
  if (typeof villageCode === 'string') throw new BadUserInputError(`villageCode ${villageCode}`, { field: 'villageCode' });
  if (villageCode.level !== 'VILLAGE') throw new BadUserInputError(`households are registered in a VILLAGE, not a ${villageCode.level}`, { field: 'villageCode' });
  const householdNumber = input.householdNumber.trim();
  if (!/^[0-9A-Za-z-]{1,32}$/.test(householdNumber)) {
    throw new BadUserInputError('householdNumber must be 1 to 32 letters, digits or dashes', { field: 'householdNumber' });
  }
  if (!isRegistryYear(input.identifiedYear, today) || input.identifiedYear > Number(today.slice(0, 4))) {
    throw new BadUserInputError('identifiedYear must be from 2014 to this year', { field: 'identifiedYear' });
  }
  // An at-risk household (边缘户) that was never poor is registered straight as MONITORED.
  const initialStatus = input.initialStatus ?? PovertyStatus.POOR;
  if (initialStatus !== PovertyStatus.POOR && initialStatus !== PovertyStatus.MONITORED) {
    throw new BadUserInputError('initialStatus is POOR, or MONITORED for an at-risk household', { field: 'initialStatus' });
  }
  const otherCauses = [...new Set(input.otherCauses)].filter((c) => c !== input.mainCause);
  const helper = input.helper == null || input.helper.trim() === '' ? null : requireText(input.helper, 'helper', 50);
  if (input.members.length < 1 || input.members.length > MAX_MEMBERS) {
    throw new BadUserInputError(`a household has 1 to ${MAX_MEMBERS} members`, { field: 'members' });
  }
  checkRelations(input.members);
  const members = input.members.map((m, i) => ({ position: i, ...readMemberInput(m, `members[${i}]`, today, pii) }));
  checkDistinctPeople(members);

  return em.transactional(async (tx) => {
    const village = await tx.findOne(RegionEntity, { code: input.villageCode });
    if (!village) throw new NotFoundError('village', { field: 'villageCode' });
    assertWritable(caller, village.code, 'village');
    if (village.level !== 'VILLAGE') throw new BadUserInputError(`households are registered in a VILLAGE, not a ${village.level}`, { field: 'villageCode' });
    if (await tx.findOne(HouseholdEntity, { householdNumber })) {
      throw new BadUserInputError('householdNumber is already registered', { field: 'householdNumber' });
    }
    const taken = await tx.find(MemberEntity, { idNumberIndex: { $in: members.map((m) => m.idNumberIndex) }, leftOn: null }, { fields: ['idNumberIndex'] });
    if (taken.length) {
      const i = members.findIndex((m) => m.idNumberIndex === taken[0]!.idNumberIndex);
      throw new BadUserInputError(`members[${i}] is already a member of a registered household`, { field: `members[${i}].idNumber` });
    }
    const household = tx.create(HouseholdEntity, {
      householdNumber,
      villageCode: village.code,
      type: input.type,
      status: initialStatus,
      identifiedYear: input.identifiedYear,
      mainCause: input.mainCause,
      otherCauses,
      safeDrinkingWater: input.safeDrinkingWater,
      helper,
    });
    try {
      // The household row first: members and history reference it, and the unit of work
      // knows no relations between these entities to order the inserts by.
      await tx.flush();
    } catch (err) {
      // A concurrent registration can still win the race between the checks and the insert.
      if (isUniqueViolation(err, 'household_household_number_unique')) throw new BadUserInputError('householdNumber is already registered', { field: 'householdNumber' });
      throw err;
    }
    for (const m of members) tx.create(MemberEntity, { ...m, householdId: household.id });
    tx.create(StatusChangeEntity, {
      householdId: household.id,
      previousStatus: null,
      status: initialStatus,
      effectiveDate: `${input.identifiedYear}-01-01`,
      reason: initialStatus === PovertyStatus.MONITORED ? '边缘户 registered at risk' : '建档立卡 registered',
      changedBy: caller.subject,
    });
    try {
      await tx.flush();
    } catch (err) {
      if (isUniqueViolation(err, 'member_id_number_index_unique')) throw new BadUserInputError('a member is already in a registered household', { field: 'members' });
      throw err;
    }
    return household;
  });
}

/** Inside a transaction, with the row locked: two writes to one household must not interleave. */
export async function findHouseholdForUpdate(em: EntityManager, id: string): Promise<HouseholdEntity> {
  const household = isUuid(id) ? await em.findOne(HouseholdEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!household) throw new NotFoundError('household', { field: 'householdId' });
  return household;
}

export async function recordIncome(em: EntityManager, input: RecordIncomeInput, caller: Caller): Promise<HouseholdEntity> {
  requireRegistryYear(input.year);
  if (input.incomePerCapita < 0) throw new BadUserInputError('incomePerCapita must not be negative', { field: 'incomePerCapita' });
  return em.transactional(async (tx) => {
    const household = await findHouseholdForUpdate(tx, input.householdId);
    assertWritable(caller, household.villageCode, 'household');
    // Recorded again for the same year replaces the figure: an update, never an error.
    await tx.upsert(IncomeEntity, { householdId: household.id, year: input.year, incomePerCapita: input.incomePerCapita, recordedAt: new Date() });
    return household;
  });
}

/** An exit judged on a household that changed while the departments were asked: nothing is written; judge it again. */
export class HouseholdChangedError extends HubError {
  constructor() {
    super('the household changed while its status change was judged; nothing was written, ask again', 'HOUSEHOLD_CHANGED', { retryable: true });
  }
}

/** The write of a change, in a short transaction of its own (`writeTransaction`). */
export type WriteTransaction = <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>;

/** What a status change is judged on, read before the departments are asked and compared again under the lock. */
export interface Judged {
  village_code: string;
  status: PovertyStatus;
  last_change: string | null;
  last_effective: string | null;
  ever_lifted: boolean;
}

/** The household as a status change judges it (one statement, no lock); NOT_FOUND when there is none. */
export async function readJudged(em: EntityManager, householdId: string): Promise<Judged> {
  const [judged] = isUuid(householdId)
    ? await em.getConnection().execute<Judged[]>(
        `select h.village_code, h.status, l.id::text as last_change, l.effective_date::text as last_effective,
                exists (select 1 from household_status_change e where e.household_id = h.id and e.status = 'LIFTED') as ever_lifted
           from household h left join lateral (select c.id, c.effective_date from household_status_change c where c.household_id = h.id order by c.id desc limit 1) l on true
          where h.id = ?`,
        [householdId],
      )
    : [];
  if (!judged) throw new NotFoundError('household', { field: 'householdId' });
  return judged;
}

/**
 * The exit standard for the year of an exit, judged by the hub on the coverage computed now from
 * the registry's and every department's own data: any gap (but ZERO_EMPLOYMENT, which the
 * coverage shows without blocking), or any department that cannot be consulted, refuses it
 * with EXIT_STANDARD_NOT_MET. Call it with no transaction, lock or pooled connection held: a
 * department that never answers then holds nothing of the registry's. Returns the evidence.
 */
export async function judgeExit(em: EntityManager, caller: Caller, coverage: Omit<CoverageRequest, 'em' | 'caller'>, householdId: string, year: number): Promise<ExitEvidence> {
  const assessed = (await coverageOf({ ...coverage, em, caller }, [householdId], year)).get(householdId);
  if (!assessed) throw new NotFoundError('household', { field: 'householdId' });
  if (!assessed.exitEligible) throw exitRefused(assessed);
  return { year, assessedAt: assessed.assessedAt, batches: assessed.batches, consulted: assessed.consulted };
}

/**
 * Appends a change the county office makes directly: monitoring begins after an exit
 * (LIFTED -> MONITORED) or ends for a once-lifted household (MONITORED -> LIFTED). Exit,
 * relapse, removal and an at-risk household found poor are decided through their procedure
 * (ProposeStatusChange) and refused here with PROCEDURE_REQUIRED. A short locked write,
 * refused with HOUSEHOLD_CHANGED when the household is no longer the one judged.
 */
export async function changeHouseholdStatus(em: EntityManager, input: ChangeHouseholdStatusInput, caller: Caller, write: WriteTransaction): Promise<HouseholdEntity> {
  const reason = requireText(input.reason, 'reason', 500);
  if (input.effectiveDate > todayInChina()) throw new BadUserInputError('effectiveDate must not be in the future', { field: 'effectiveDate' });
  const judged = await readJudged(em, input.householdId);
  assertWritable(caller, judged.village_code, 'household');
  if (!isAllowedChange(judged.status, input.status)) throw new BadUserInputError(`status cannot change from ${judged.status} to ${input.status}`, { field: 'status' });
  if (!isDirectChange(judged.status, input.status)) {
    throw new ProcedureRequiredError(`a change from ${judged.status} to ${input.status} is decided by the county through its procedure: proposeStatusChange`);
  }
  // Monitoring ends as lifted only for a household that was lifted: an at-risk household (边缘户) never exited.
  if (input.status === PovertyStatus.LIFTED && !judged.ever_lifted) {
    throw new BadUserInputError('an at-risk household that was never lifted cannot end its monitoring as LIFTED', { field: 'status' });
  }
  if (judged.last_effective && input.effectiveDate < judged.last_effective) throw new BadUserInputError('effectiveDate is before the last status change', { field: 'effectiveDate' });
  return write(async (tx) => {
    const household = await findHouseholdForUpdate(tx, input.householdId);
    assertWritable(caller, household.villageCode, 'household');
    const last = await tx.findOne(StatusChangeEntity, { householdId: household.id }, { orderBy: { id: 'desc' } });
    if (household.status !== judged.status || household.villageCode !== judged.village_code || (last?.id ?? null) !== judged.last_change) throw new HouseholdChangedError();
    const from = household.status;
    household.status = input.status;
    tx.create(StatusChangeEntity, {
      householdId: household.id,
      previousStatus: from,
      status: input.status,
      effectiveDate: input.effectiveDate,
      reason,
      changedBy: caller.subject,
      evidence: null,
    });
    await tx.flush();
    return household;
  });
}

/** The refusal lists every gap (kind, member, what, whose data) and every source not consulted. */
export function exitRefused(c: HouseholdCoverage): ExitStandardNotMetError {
  const notConsulted = c.consulted.filter((s) => !s.consulted);
  const parts = [...new Set(c.gaps.map((g) => g.kind))].map((kind) => {
    const n = c.gaps.filter((g) => g.kind === kind).length;
    return n > 1 ? `${kind} (${n})` : kind;
  });
  const missing = notConsulted.map((s) => `${s.source} not consulted (${s.unavailableReason})`);
  const details = {
    gapDetails: c.gaps.map((g) => ({ kind: g.kind, memberId: g.member?.id ?? null, detail: g.detail, source: g.source })),
    notConsulted: notConsulted.map((s) => ({ source: s.source, reason: s.unavailableReason })),
  };
  const unavailable = notConsulted.flatMap((s) => (s.unavailable ? [{ ...s.unavailable, detail: s.unavailableReason! }] : []));
  return new ExitStandardNotMetError(`the exit standard is not met for ${c.year}: ${[...parts, ...missing].join(', ')}`, [...new Set(c.gaps.map((g) => g.kind))], details, unavailable);
}
