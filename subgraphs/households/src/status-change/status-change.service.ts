import {
  BadUserInputError,
  type Caller,
  decodeCursor,
  encodeCursor,
  ForbiddenError,
  isUniqueViolation,
  isUuid,
  NotFoundError,
  type Page,
  pageSize,
  ProcedureStepError,
  regionPrefix,
  requireText,
  todayInChina,
} from '@fupin/kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWritable } from '../access.js';
import type { CoverageRequest } from '../household-coverage/coverage.service.js';
import type { ExitEvidence } from '../household-coverage/coverage.type.js';
import { HouseholdEntity } from '../household/household.entity.js';
import { findHouseholdForUpdate, HouseholdChangedError, judgeExit, readJudged, type WriteTransaction } from '../household/household.service.js';
import { StatusChangeEntity } from '../household/status-change.entity.js';
import { isAllowedChange, isDirectChange, isExit } from '../household/status-rules.js';
import type { ProposeStatusChangeInput } from './propose-status-change.input.js';
import { StatusChangeObjectionEntity, StatusChangeProposalEntity } from './status-change-proposal.entity.js';
import { OPEN_STEPS, StatusChangeStep } from './status-change-step.enum.js';

/**
 * Where a proposal stands today: a published exit whose notice period has ended waits for the
 * township's review (TOWNSHIP) without anyone moving it; every other step is as written.
 */
export function currentStep(proposal: Pick<StatusChangeProposalEntity, 'step' | 'noticeEndsOn'>, today = todayInChina()): StatusChangeStep {
  if (proposal.step === StatusChangeStep.NOTICE && proposal.noticeEndsOn !== null && proposal.noticeEndsOn <= today) return StatusChangeStep.TOWNSHIP;
  return proposal.step;
}

export interface ProcedureSettings {
  noticeDays: number;
  stallDays: number;
}

type Coverage = Omit<CoverageRequest, 'em' | 'caller'>;

/** The day `days` after `day` (both `YYYY-MM-DD`, calendar days). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// Jurisdiction levels by the length of the code's prefix: '' the country, 2 a province, 4 a
// city, 6 a county, 9 a township, 12 a village.
const atTownshipOrAbove = (caller: Caller) => regionPrefix(caller.regionCode).length <= 9;
const atCountyOrAbove = (caller: Caller) => regionPrefix(caller.regionCode).length <= 6;

/** Separation of duties (maker-checker): each step is taken by another person. */
function refuseSamePerson(proposal: StatusChangeProposalEntity, caller: Caller, step: string): void {
  const earlier = [
    ['proposed', proposal.proposedBy],
    ['reviewed', proposal.reviewedBy],
  ].find(([, who]) => who === caller.subject);
  if (earlier) throw new ForbiddenError(`you ${earlier[0]} this status change: its ${step} is taken by another person`, { rule: 'SEPARATION_OF_DUTIES' });
}

/**
 * Proposes a change the county decides (民主评议 in the village, or the office's own finding):
 * an exit (to LIFTED, from POOR or RELAPSED) is judged against the exit standard now and
 * published for the notice period (公示) before the township reviews it; a relapse, a removal
 * (清退) and an at-risk household found poor go straight to the county. Like an exit before it,
 * the departments are asked with nothing held, then a short locked write.
 */
export async function proposeStatusChange(em: EntityManager, input: ProposeStatusChangeInput, caller: Caller, settings: ProcedureSettings, coverage: Coverage, write: WriteTransaction): Promise<StatusChangeProposalEntity> {
  const reason = requireText(input.reason, 'reason', 500);
  const today = todayInChina();
  if (input.effectiveDate > today) throw new BadUserInputError('effectiveDate must not be in the future', { field: 'effectiveDate' });
  const judged = await readJudged(em, input.householdId);
  assertWritable(caller, judged.village_code, 'household');
  if (!isAllowedChange(judged.status, input.toStatus)) throw new BadUserInputError(`status cannot change from ${judged.status} to ${input.toStatus}`, { field: 'toStatus' });
  if (isDirectChange(judged.status, input.toStatus)) {
    throw new BadUserInputError(`a change from ${judged.status} to ${input.toStatus} is made directly by the county office: changeHouseholdStatus`, { field: 'toStatus' });
  }
  if (judged.last_effective && input.effectiveDate < judged.last_effective) throw new BadUserInputError('effectiveDate is before the last status change', { field: 'effectiveDate' });
  // Before the departments are asked: a second proposal costs them nothing.
  await refuseSecondOpen(em, input.householdId);
  const exit = isExit(input.toStatus);
  if (exit) await judgeExit(em, caller, coverage, input.householdId, Number(input.effectiveDate.slice(0, 4)));
  return write(async (tx) => {
    const household = await findHouseholdForUpdate(tx, input.householdId);
    assertWritable(caller, household.villageCode, 'household');
    const last = await tx.findOne(StatusChangeEntity, { householdId: household.id }, { orderBy: { id: 'desc' } });
    if (household.status !== judged.status || household.villageCode !== judged.village_code || (last?.id ?? null) !== judged.last_change) throw new HouseholdChangedError();
    await refuseSecondOpen(tx, household.id);
    const now = new Date();
    const proposal = tx.create(StatusChangeProposalEntity, {
      householdId: household.id,
      fromStatus: household.status,
      toStatus: input.toStatus,
      effectiveDate: input.effectiveDate,
      reason,
      step: exit ? StatusChangeStep.NOTICE : StatusChangeStep.COUNTY,
      proposedBy: caller.subject,
      proposedAt: now,
      noticeEndsOn: exit ? addDays(today, settings.noticeDays) : null,
      stepSince: now,
    });
    try {
      await tx.flush();
    } catch (err) {
      // The household row is locked, so this is only a guard; the index says it once more.
      if (isUniqueViolation(err, 'status_change_proposal_open_unique')) throw new BadUserInputError('this household already has an open status change', { field: 'householdId' });
      throw err;
    }
    return proposal;
  });
}

async function refuseSecondOpen(em: EntityManager, householdId: string): Promise<void> {
  const open = await em.findOne(StatusChangeProposalEntity, { householdId, step: { $in: [...OPEN_STEPS] } }, { fields: ['id', 'step'] });
  if (open) throw new BadUserInputError(`this household already has an open status change (${open.step})`, { field: 'householdId', openStatusChangeId: open.id });
}

/** The proposal and its household, both locked, inside a write; jurisdiction checked on the household. */
async function lockedProposal(tx: EntityManager, id: string, caller: Caller): Promise<{ proposal: StatusChangeProposalEntity; household: HouseholdEntity }> {
  const seen = isUuid(id) ? await tx.findOne(StatusChangeProposalEntity, { id }) : null;
  if (!seen) throw new NotFoundError('status change', { field: 'id' });
  // The household first, as every other status write locks it: no two writes wait on each other in opposite orders.
  const household = await tx.findOne(HouseholdEntity, { id: seen.householdId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!household) throw new NotFoundError('household', { field: 'id' });
  assertWritable(caller, household.villageCode, 'status change');
  const proposal = (await tx.findOne(StatusChangeProposalEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }))!;
  return { proposal, household };
}

/** Writes down an objection raised while an exit is published (公示), with who wrote it and when. */
export async function objectToStatusChange(em: EntityManager, id: string, text: string, caller: Caller): Promise<StatusChangeProposalEntity> {
  const objection = requireText(text, 'objection', 1000);
  return em.transactional(async (tx) => {
    const { proposal } = await lockedProposal(tx, id, caller);
    // Written down until the township reviews it: the reviewer weighs them.
    if (proposal.step !== StatusChangeStep.NOTICE) throw new ProcedureStepError(`objections are recorded until the township reviews the change; it is at ${proposal.step}`, { step: proposal.step });
    tx.create(StatusChangeObjectionEntity, { proposalId: proposal.id, objection, recordedBy: caller.subject, recordedAt: new Date() });
    await tx.flush();
    return proposal;
  });
}

/**
 * Withdraws an open change (撤回) before the county decides it: by its proposer, or by a
 * COUNTY_OFFICER or ADMIN of the household's county or above. It is kept, WITHDRAWN, and the
 * household may be proposed again.
 */
export async function withdrawStatusChange(em: EntityManager, id: string, text: string, caller: Caller): Promise<StatusChangeProposalEntity> {
  const reason = requireText(text, 'reason', 500);
  return em.transactional(async (tx) => {
    const { proposal } = await lockedProposal(tx, id, caller);
    if (!OPEN_STEPS.includes(proposal.step)) throw new ProcedureStepError(`this change has ended (${proposal.step}): there is nothing to withdraw`, { step: proposal.step });
    const office = (caller.role === 'COUNTY_OFFICER' || caller.role === 'ADMIN') && atCountyOrAbove(caller);
    if (proposal.proposedBy !== caller.subject && !office) throw new ForbiddenError('a change is withdrawn by its proposer or by the county office', { rule: 'WITHDRAWER' });
    const now = new Date();
    proposal.withdrawnBy = caller.subject;
    proposal.withdrawnAt = now;
    proposal.withdrawalReason = reason;
    proposal.step = StatusChangeStep.WITHDRAWN;
    proposal.stepSince = now;
    await tx.flush();
    return proposal;
  });
}

/**
 * The township's review (乡镇审核) of a published exit: once the notice period has ended, by
 * another person than the proposer, whose jurisdiction is the household's township or above.
 * Approved, the change waits for the county; rejected, the procedure ends (kept as REJECTED).
 */
export async function reviewStatusChange(em: EntityManager, id: string, approve: boolean, text: string, caller: Caller): Promise<StatusChangeProposalEntity> {
  const reason = requireText(text, 'reason', 500);
  if (!atTownshipOrAbove(caller)) throw new ForbiddenError('the review is made at a township or above: your jurisdiction is a village', { rule: 'REVIEWER_LEVEL' });
  return em.transactional(async (tx) => {
    const { proposal } = await lockedProposal(tx, id, caller);
    if (proposal.step !== StatusChangeStep.NOTICE) {
      throw new ProcedureStepError(
        proposal.step === StatusChangeStep.COUNTY && proposal.reviewedBy === null ? 'this change goes straight to the county: it has no township review' : `this change is at ${proposal.step}: it is not waiting for a township review`,
        { step: proposal.step },
      );
    }
    if (currentStep(proposal) === StatusChangeStep.NOTICE) {
      throw new ProcedureStepError(`the notice period (公示) ends on ${proposal.noticeEndsOn}: review it from then`, { step: StatusChangeStep.NOTICE, noticeEndsOn: proposal.noticeEndsOn });
    }
    refuseSamePerson(proposal, caller, 'review');
    const now = new Date();
    proposal.reviewedBy = caller.subject;
    proposal.reviewedAt = now;
    proposal.reviewReason = reason;
    proposal.step = approve ? StatusChangeStep.COUNTY : StatusChangeStep.REJECTED;
    proposal.stepSince = now;
    await tx.flush();
    return proposal;
  });
}

/**
 * The county's decision (县级审定): by a COUNTY_OFFICER or ADMIN whose jurisdiction is the county
 * or above, neither the proposer nor the reviewer, once the earlier steps are done. An exit is
 * judged again on the coverage of its year computed now (a gap that appeared while it was
 * published refuses it, and nothing is written); approval appends the status history entry
 * with the exit's evidence and sets the status, in one short locked write.
 */
export async function decideStatusChange(em: EntityManager, id: string, approve: boolean, text: string, caller: Caller, coverage: Coverage, write: WriteTransaction): Promise<StatusChangeProposalEntity> {
  const reason = requireText(text, 'reason', 500);
  if (!atCountyOrAbove(caller)) throw new ForbiddenError('the decision is made at a county or above', { rule: 'DECIDER_LEVEL' });
  const seen = isUuid(id) ? await em.findOne(StatusChangeProposalEntity, { id }) : null;
  if (!seen) throw new NotFoundError('status change', { field: 'id' });
  const judged = await readJudged(em, seen.householdId);
  assertWritable(caller, judged.village_code, 'status change');
  refuseOutOfTurn(seen);
  refuseSamePerson(seen, caller, 'decision');
  if (approve && judged.status !== seen.fromStatus) {
    throw new BadUserInputError(`the household is ${judged.status} now, not ${seen.fromStatus} as proposed: reject this change`, { field: 'id' });
  }
  let evidence: ExitEvidence | null = null;
  if (approve && isExit(seen.toStatus)) evidence = await judgeExit(em, caller, coverage, seen.householdId, Number(seen.effectiveDate.slice(0, 4)));
  return write(async (tx) => {
    const { proposal, household } = await lockedProposal(tx, id, caller);
    // Judged on what they were before the departments answered.
    refuseOutOfTurn(proposal);
    refuseSamePerson(proposal, caller, 'decision');
    const now = new Date();
    proposal.decidedBy = caller.subject;
    proposal.decidedAt = now;
    proposal.decisionReason = reason;
    proposal.stepSince = now;
    if (!approve) {
      proposal.step = StatusChangeStep.REJECTED;
      await tx.flush();
      return proposal;
    }
    const last = await tx.findOne(StatusChangeEntity, { householdId: household.id }, { orderBy: { id: 'desc' } });
    if (household.status !== judged.status || household.villageCode !== judged.village_code || (last?.id ?? null) !== judged.last_change) throw new HouseholdChangedError();
    if (household.status !== proposal.fromStatus) {
      throw new BadUserInputError(`the household is ${household.status} now, not ${proposal.fromStatus} as proposed: reject this change`, { field: 'id' });
    }
    if (last && proposal.effectiveDate < last.effectiveDate) throw new BadUserInputError('effectiveDate is before the last status change', { field: 'id' });
    household.status = proposal.toStatus;
    tx.create(StatusChangeEntity, {
      householdId: household.id,
      previousStatus: proposal.fromStatus,
      status: proposal.toStatus,
      effectiveDate: proposal.effectiveDate,
      reason: proposal.reason,
      changedBy: caller.subject,
      evidence,
    });
    proposal.step = StatusChangeStep.APPROVED;
    proposal.evidence = evidence;
    await tx.flush();
    return proposal;
  });
}

function refuseOutOfTurn(proposal: StatusChangeProposalEntity): void {
  const step = currentStep(proposal);
  if (step === StatusChangeStep.COUNTY) return;
  const why =
    step === StatusChangeStep.NOTICE ? 'it is published (NOTICE) and the township reviews it first'
    : step === StatusChangeStep.TOWNSHIP ? 'the township reviews it first'
    : `it has ended (${step})`;
  throw new ProcedureStepError(`this change cannot be decided: ${why}`, { step });
}

export interface StatusChangesArgs {
  regionCode: string;
  step?: StatusChangeStep | null;
  stalledOnly?: boolean | null;
  first?: number | null;
  after?: string | null;
}

/**
 * The status changes of the households of a region and below (a region the caller may read),
 * oldest proposal first (the work list of each step). Stalled: open, and at the same step for
 * the configured number of days. One statement for the page, one for the count when asked.
 */
export async function statusChangesOf(em: EntityManager, range: { lo: string; hi: string }, args: StatusChangesArgs, settings: ProcedureSettings, countAsked: boolean): Promise<Page<StatusChangeProposalEntity>> {
  const first = pageSize(args.first);
  const where: string[] = ['h.village_code >= ?', 'h.village_code < ?'];
  const params: unknown[] = [range.lo, range.hi];
  // A published exit whose notice period has ended is at TOWNSHIP (currentStep).
  const today = todayInChina();
  if (args.step === StatusChangeStep.NOTICE) {
    where.push(`p.step = 'NOTICE' and p.notice_ends_on > ?`);
    params.push(today);
  } else if (args.step === StatusChangeStep.TOWNSHIP) {
    where.push(`(p.step = 'TOWNSHIP' or (p.step = 'NOTICE' and p.notice_ends_on <= ?))`);
    params.push(today);
  } else if (args.step) {
    where.push('p.step = ?');
    params.push(args.step);
  }
  if (args.stalledOnly) {
    where.push(`p.step in ('NOTICE', 'TOWNSHIP', 'COUNTY') and p.step_since < now() - make_interval(days => ?)`);
    params.push(settings.stallDays);
  }
  const from = `from status_change_proposal p join household h on h.id = p.household_id where ${where.join(' and ')}`;
  let paged = from;
  const pageParams = [...params];
  if (args.after) {
    const [at, after] = decodeCursor(args.after).split('|');
    if (!at || !after || !isUuid(after) || Number.isNaN(Date.parse(at))) throw new BadUserInputError('after is not a cursor from this list', { field: 'after' });
    paged += ' and (p.proposed_at, p.id) > (?::timestamptz, ?::uuid)';
    pageParams.push(at, after);
  }
  const conn = em.getConnection();
  const [rows, count] = await Promise.all([
    first === 0 ? Promise.resolve([]) : conn.execute<Record<string, unknown>[]>(`select p.* ${paged} order by p.proposed_at, p.id limit ?`, [...pageParams, first + 1]),
    countAsked ? conn.execute<{ n: string }[]>(`select count(*) as n ${from}`, params) : Promise.resolve([{ n: '0' }]),
  ]);
  const nodes = rows.slice(0, first).map((r) => em.map(StatusChangeProposalEntity, r));
  const last = nodes.at(-1);
  return {
    totalCount: Number(count[0]!.n),
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(`${last.proposedAt.toISOString()}|${last.id}`) : null },
    nodes,
  };
}

/** Open and at the same step for the configured number of days (a published exit counted from its proposal). */
export function isStalled(proposal: StatusChangeProposalEntity, settings: ProcedureSettings, now = new Date()): boolean {
  return OPEN_STEPS.includes(proposal.step) && now.getTime() - proposal.stepSince.getTime() > settings.stallDays * 86_400_000;
}
