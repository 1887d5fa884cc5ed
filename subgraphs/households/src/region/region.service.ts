import { type Caller, BadUserInputError, decodeCursor, encodeCursor, countRows, findRows, isRegistryYear, rowsQuery, isUniqueViolation, type Page, pageSize, readRegionCode, requireText } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWritable, householdRange } from '../access.js';
import { HouseholdEntity } from '../household/household.entity.js';
import { MemberEntity } from '../member/member.entity.js';
import { PovertyStatus } from '../household/household.enums.js';
import { RegionEntity } from './region.entity.js';
import type { RegisterRegionInput } from './register-region.input.js';

export async function registerRegion(em: EntityManager, input: RegisterRegionInput, caller: Caller): Promise<RegionEntity> {
  const facts = readRegionCode(input.code);
  if (typeof facts === 'string') throw new BadUserInputError(`code ${facts}`, { field: 'code' });
  // A county office registers the townships and villages below it; provinces are ADMIN's.
  assertWritable(caller, input.code, 'region');
  const name = requireText(input.name, 'name', 100);
  if (input.isPovertyVillage && facts.level !== 'VILLAGE') {
    throw new BadUserInputError('only a VILLAGE can be a poverty village', { field: 'isPovertyVillage' });
  }
  const exitYear = input.povertyVillageExitYear ?? null;
  if (exitYear !== null && (!input.isPovertyVillage || !isRegistryYear(exitYear))) {
    throw new BadUserInputError('povertyVillageExitYear needs a poverty village and a year from 2014 to next year', { field: 'povertyVillageExitYear' });
  }
  return em.transactional(async (tx) => {
    if (await tx.findOne(RegionEntity, { code: input.code })) {
      throw new BadUserInputError('region is already registered', { field: 'code' });
    }
    if (facts.parentCode && !(await tx.findOne(RegionEntity, { code: facts.parentCode }))) {
      throw new BadUserInputError(`parent region ${facts.parentCode} is not registered`, { field: 'code' });
    }
    const region = tx.create(RegionEntity, {
      code: input.code,
      name,
      level: facts.level,
      parentCode: facts.parentCode,
      isPovertyVillage: input.isPovertyVillage,
      povertyVillageExitYear: exitYear,
    });
    try {
      await tx.flush();
    } catch (err) {
      if (isUniqueViolation(err, 'region_pkey')) throw new BadUserInputError('region is already registered', { field: 'code' });
      throw err;
    }
    return region;
  });
}

/** Every status but 清退 (REMOVED, a household identified in error), however the enum grows. */
const COUNTED_STATUSES: readonly string[] = Object.values(PovertyStatus).filter((s: string) => s !== 'REMOVED');

/**
 * A page of the households of a region and every region below it, by household number: only
 * what the caller may see is listed and counted. The count only when asked; the page's members
 * when asked, read with the page (one statement) for the member loader.
 */
export async function householdsOf(
  em: EntityManager,
  caller: Caller,
  regionCode: string,
  args: { first?: number | null; after?: string | null; status?: PovertyStatus | null },
  asked: { totalCount: boolean; members: boolean },
): Promise<Page<HouseholdEntity> & { members: MemberEntity[] }> {
  const first = pageSize(args.first);
  // A household removed (清退, identified in error) counts nowhere: listed only when its status is asked for by name.
  const where = { villageCode: householdRange(caller, regionCode), status: args.status ?? { $in: COUNTED_STATUSES } };
  const after = args.after ? decodeCursor(args.after) : null;
  const listed = after ? { ...where, householdNumber: { $gt: after } } : where;
  const [rows, totalCount, members] = await Promise.all([
    first === 0 ? Promise.resolve([]) : findRows(em, HouseholdEntity, listed, { householdNumber: 'asc' }, first + 1),
    asked.totalCount ? countRows(em, HouseholdEntity, where) : Promise.resolve(0),
    first === 0 || !asked.members
      ? Promise.resolve([])
      : findRows(em, MemberEntity, { householdId: { $in: rowsQuery(em, HouseholdEntity, 'id', listed, { householdNumber: 'asc' }, first) } }, { householdId: 'asc', position: 'asc' }),
  ]);
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return { totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.householdNumber) : null }, nodes, members };
}
