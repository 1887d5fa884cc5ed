import { LockMode } from '@mikro-orm/core';
import { BadUserInputError, type Caller, COUNTRY_CODE, ForbiddenError, isUuid, NotFoundError, pastDateProblem, type Roster } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RenovationEntity } from './renovation.entity.js';
import { RENOVATION_ORDER, RenovationStatus } from './renovation.enums.js';
import type { AdvanceRenovationInput } from './advance-renovation.input.js';
import type { RecordRenovationInput } from './record-renovation.input.js';

interface RenovationState {
  status: RenovationStatus;
  startedOn: string | null;
  completedOn: string | null;
}

/**
 * What a renovation's dates must say at its status: no start while PLANNED, a start from
 * IN_PROGRESS on, a completion (on or after the start) exactly for COMPLETED and ACCEPTED;
 * no day in the future or before 2014.
 */
export function renovationProblem(r: RenovationState): { field: string; message: string } | null {
  for (const field of ['startedOn', 'completedOn'] as const) {
    const date = r[field];
    const problem = date === null ? null : pastDateProblem(date, field);
    if (problem) return { field, message: problem };
  }
  const done = r.status === RenovationStatus.COMPLETED || r.status === RenovationStatus.ACCEPTED;
  if (r.status === RenovationStatus.PLANNED && r.startedOn !== null) return { field: 'startedOn', message: 'a PLANNED renovation has not started: no startedOn' };
  if (r.status !== RenovationStatus.PLANNED && r.startedOn === null) return { field: 'startedOn', message: `a renovation ${r.status} needs startedOn` };
  if (done && r.completedOn === null) return { field: 'completedOn', message: `a renovation ${r.status} needs completedOn` };
  if (!done && r.completedOn !== null) return { field: 'completedOn', message: `a renovation ${r.status} has no completedOn yet` };
  if (r.completedOn !== null && r.startedOn !== null && r.completedOn < r.startedOn) return { field: 'completedOn', message: 'completedOn is before startedOn' };
  return null;
}

function requireRenovation(r: RenovationState): void {
  const problem = renovationProblem(r);
  if (problem) throw new BadUserInputError(problem.message, { field: problem.field });
}

export async function recordRenovation(em: EntityManager, roster: Roster, input: RecordRenovationInput, caller: Caller): Promise<RenovationEntity> {
  if (input.subsidy < 0) throw new BadUserInputError('subsidy must not be negative', { field: 'subsidy' });
  const state = { status: input.status, startedOn: input.startedOn ?? null, completedOn: input.completedOn ?? null };
  requireRenovation(state);
  await roster.requireWritableHousehold(em, input.householdId, caller);
  const renovation = em.create(RenovationEntity, { householdId: input.householdId, kind: input.kind, subsidy: input.subsidy, ...state, recordedBy: caller.subject });
  await em.flush();
  return renovation;
}

/**
 * Moves a renovation forward (and records its dates); locked, so two offices cannot both move it.
 * Jurisdiction is judged before existence: outside it, a renovation that exists and an id that
 * names none get the same FORBIDDEN, so ids cannot be probed from another county. Only a caller
 * whose jurisdiction is the whole country (for whom nothing is elsewhere) hears NOT_FOUND.
 */
export async function advanceRenovation(em: EntityManager, roster: Roster, input: AdvanceRenovationInput, caller: Caller): Promise<RenovationEntity> {
  const outside = () => new ForbiddenError('renovation is outside your jurisdiction');
  return em.transactional(async (tx) => {
    if (!isUuid(input.renovationId)) throw new NotFoundError('renovation', { field: 'renovationId' });
    const renovation = await tx.findOne(RenovationEntity, { id: input.renovationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!renovation) throw caller.regionCode === COUNTRY_CODE ? new NotFoundError('renovation', { field: 'renovationId' }) : outside();
    try {
      await roster.requireWritableHousehold(tx, renovation.householdId, caller);
    } catch (err) {
      throw err instanceof ForbiddenError ? outside() : err;
    }
    if (RENOVATION_ORDER.indexOf(input.status) <= RENOVATION_ORDER.indexOf(renovation.status)) {
      throw new BadUserInputError(`a renovation moves forward only: it is ${renovation.status}, it cannot become ${input.status}`, { field: 'status' });
    }
    for (const field of ['startedOn', 'completedOn'] as const) {
      const given = input[field];
      if (given && renovation[field] && given !== renovation[field]) throw new BadUserInputError(`${field} is recorded already (${renovation[field]})`, { field });
    }
    const state = { status: input.status, startedOn: input.startedOn ?? renovation.startedOn, completedOn: input.completedOn ?? renovation.completedOn };
    requireRenovation(state);
    Object.assign(renovation, state, { recordedAt: new Date(), recordedBy: caller.subject });
    return renovation;
  });
}
