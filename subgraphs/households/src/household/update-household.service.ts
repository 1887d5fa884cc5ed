import { BadUserInputError, type Caller, requireText } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWritable } from '../access.js';
import { HouseholdChangeEntity } from './household-change.entity.js';
import type { HouseholdEntity } from './household.entity.js';
import { findHouseholdForUpdate } from './household.service.js';
import type { UpdateHouseholdInput } from './update-household.input.js';
import { requireUpkeepDate } from './upkeep-date.js';

/** The household's attributes as a change keeps them (column names, as the as-of read overlays them). */
export function householdAttributes(h: HouseholdEntity): Record<string, unknown> {
  return { type: h.type, main_cause: h.mainCause, other_causes: h.otherCauses, safe_drinking_water: h.safeDrinkingWater, helper: h.helper };
}

/**
 * A dated change of a household's type, causes, safe water or helper, with the row locked: the
 * row takes the new values (today's household), and an append-only change keeps the values it
 * replaced, who made it and why, for reads of the household as of an earlier day.
 */
export async function updateHousehold(em: EntityManager, input: UpdateHouseholdInput, caller: Caller): Promise<HouseholdEntity> {
  const reason = requireText(input.reason, 'reason', 500);
  const helper = input.helper == null ? undefined : input.helper.trim() === '' ? null : requireText(input.helper, 'helper', 50);
  if (input.type == null && input.mainCause == null && input.otherCauses == null && input.safeDrinkingWater == null && helper === undefined) {
    throw new BadUserInputError('give at least one of type, mainCause, otherCauses, safeDrinkingWater, helper', { field: 'input' });
  }
  return em.transactional(async (tx) => {
    const household = await findHouseholdForUpdate(tx, input.householdId);
    assertWritable(caller, household.villageCode, 'household');
    const last = await tx.findOne(HouseholdChangeEntity, { householdId: household.id }, { orderBy: { effectiveDate: 'desc', id: 'desc' } });
    const effectiveDate = requireUpkeepDate(input.effectiveDate, household, { date: last?.effectiveDate ?? null, what: 'the last change of this household' });
    const was = householdAttributes(household);
    if (input.type != null) household.type = input.type;
    if (input.mainCause != null) household.mainCause = input.mainCause;
    if (input.otherCauses != null) household.otherCauses = [...new Set(input.otherCauses)];
    // The main cause is never also another cause (as at registration).
    household.otherCauses = household.otherCauses.filter((c) => c !== household.mainCause);
    if (input.safeDrinkingWater != null) household.safeDrinkingWater = input.safeDrinkingWater;
    if (helper !== undefined) household.helper = helper;
    const now = householdAttributes(household);
    const became = Object.fromEntries(Object.entries(now).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(was[k])));
    if (Object.keys(became).length === 0) throw new BadUserInputError('the change sets nothing the household does not already have', { field: 'input' });
    tx.create(HouseholdChangeEntity, { householdId: household.id, effectiveDate, reason, changedBy: caller.subject, was, became });
    await tx.flush();
    return household;
  });
}
