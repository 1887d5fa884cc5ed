import { BadUserInputError, type Caller, isUniqueViolation, isUuid, NotFoundError, type PersonalDataCipher, requireText, todayInChina } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertWritable } from '../access.js';
import type { HouseholdEntity } from '../household/household.entity.js';
import { findHouseholdForUpdate, MAX_MEMBERS } from '../household/household.service.js';
import { requireUpkeepDate } from '../household/upkeep-date.js';
import { MemberChangeEntity } from './member-change.entity.js';
import { checkDisabilityGrade, checkRelations, readMemberInput } from './member-facts.js';
import { MemberEntity } from './member.entity.js';
import { HealthStatus, Relation } from './member.enums.js';
import type { AddMemberInput, RemoveMemberInput, UpdateMemberInput } from './member-upkeep.input.js';

/** A member's attributes as a change keeps them (column names, as the as-of read overlays them). */
export function memberAttributes(m: MemberEntity): Record<string, unknown> {
  return { relation_to_head: m.relationToHead, health_status: m.healthStatus, disability_grade: m.disabilityGrade, labor_capacity: m.laborCapacity };
}

/** The members present today (not left), in the locked household's transaction. */
const presentMembers = (tx: EntityManager, householdId: string) => tx.find(MemberEntity, { householdId, leftOn: null }, { orderBy: { position: 'asc' } });

/** The member named, and its household locked (two writes to one household must not interleave). */
async function memberForUpdate(tx: EntityManager, memberId: string, caller: Caller): Promise<{ member: MemberEntity; household: HouseholdEntity }> {
  const found = isUuid(memberId) ? await tx.findOne(MemberEntity, { id: memberId }, { fields: ['householdId'] }) : null;
  if (!found) throw new NotFoundError('member', { field: 'memberId' });
  const household = await findHouseholdForUpdate(tx, found.householdId);
  assertWritable(caller, household.villageCode, 'household');
  // Read again under the lock: what it was before the lock may have changed.
  const member = (await tx.findOne(MemberEntity, { id: memberId }, { refresh: true }))!;
  return { member, household };
}

async function lastChangeOf(tx: EntityManager, memberId: string): Promise<string | null> {
  const last = await tx.findOne(MemberChangeEntity, { memberId }, { orderBy: { effectiveDate: 'desc', id: 'desc' } });
  return last?.effectiveDate ?? null;
}

/**
 * A member joins (birth, marriage, other) on a date, checked as at registration: the ID number,
 * the grade, one HEAD and at most one SPOUSE among the members then present, and one person in
 * one household (someone who left another household before this date may join).
 */
export async function addMember(em: EntityManager, input: AddMemberInput, caller: Caller, pii: PersonalDataCipher): Promise<HouseholdEntity> {
  const facts = readMemberInput(input.member, 'member', todayInChina(), pii);
  return em.transactional(async (tx) => {
    const household = await findHouseholdForUpdate(tx, input.householdId);
    assertWritable(caller, household.villageCode, 'household');
    const effectiveDate = requireUpkeepDate(input.effectiveDate, household);
    if (effectiveDate < facts.birthDate) throw new BadUserInputError('effectiveDate is before the member was born', { field: 'effectiveDate' });
    const present = await presentMembers(tx, household.id);
    if (present.length >= MAX_MEMBERS) throw new BadUserInputError(`a household has 1 to ${MAX_MEMBERS} members`, { field: 'member' });
    checkRelations([...present, facts], 'member.relationToHead');
    // In a household now, or still in one on the day they would join here.
    const elsewhere = await tx.find(MemberEntity, { idNumberIndex: facts.idNumberIndex, $or: [{ leftOn: null }, { leftOn: { $gt: effectiveDate } }] }, { fields: ['id'] });
    if (elsewhere.length) throw new BadUserInputError('member is already a member of a registered household', { field: 'member.idNumber' });
    const positions = await tx.getConnection().execute<{ next: number }[]>('select coalesce(max(position), -1)::int + 1 as next from member where household_id = ?', [household.id], 'all', tx.getTransactionContext());
    const member = tx.create(MemberEntity, { ...facts, householdId: household.id, position: positions[0]!.next, joinedOn: effectiveDate, joinedReason: input.reason });
    try {
      // The member first: its change references it, and the unit of work knows no relation to order them by.
      await tx.flush();
    } catch (err) {
      // A concurrent write can still win the race between the checks and the insert.
      if (isUniqueViolation(err, 'member_id_number_index_unique')) throw new BadUserInputError('member is already a member of a registered household', { field: 'member.idNumber' });
      if (isUniqueViolation(err, 'member_one_head_idx')) throw new BadUserInputError('a household has exactly one HEAD (got 2)', { field: 'member.relationToHead' });
      if (isUniqueViolation(err, 'member_one_spouse_idx')) throw new BadUserInputError('a household has at most one SPOUSE (got 2)', { field: 'member.relationToHead' });
      throw err;
    }
    tx.create(MemberChangeEntity, { memberId: member.id, householdId: household.id, effectiveDate, reason: input.reason, changedBy: caller.subject, was: {}, became: { joined_on: effectiveDate, joined_reason: input.reason } });
    await tx.flush();
    return household;
  });
}

/**
 * A member leaves (death, marriage out, moved away, other) on a date. The row stays, with the
 * day and the reason: the years they counted in still count them. The head leaves while others
 * stay only when a new head is named, who becomes HEAD on the same date.
 */
export async function removeMember(em: EntityManager, input: RemoveMemberInput, caller: Caller): Promise<HouseholdEntity> {
  return em.transactional(async (tx) => {
    const { member, household } = await memberForUpdate(tx, input.memberId, caller);
    if (member.leftOn) throw new BadUserInputError(`member already left the household on ${member.leftOn}`, { field: 'memberId' });
    const effectiveDate = requireUpkeepDate(input.effectiveDate, household, { date: await lastChangeOf(tx, member.id), what: 'the last change of this member' });
    const others = (await presentMembers(tx, household.id)).filter((m) => m.id !== member.id);
    const newHead = input.newHeadId == null ? null : others.find((m) => m.id === input.newHeadId);
    if (input.newHeadId != null && member.relationToHead !== Relation.HEAD) throw new BadUserInputError('newHeadId is given only when the HEAD leaves', { field: 'newHeadId' });
    if (input.newHeadId != null && !newHead) throw new BadUserInputError('newHeadId is not another member of this household', { field: 'newHeadId' });
    if (member.relationToHead === Relation.HEAD && others.length > 0 && !newHead) {
      throw new BadUserInputError('the HEAD leaves while others stay only when newHeadId names the new head', { field: 'newHeadId' });
    }
    if (newHead) requireUpkeepDate(effectiveDate, household, { date: await lastChangeOf(tx, newHead.id), what: 'the last change of the new head' });
    const was = memberAttributes(member);
    member.leftOn = effectiveDate;
    member.leftReason = input.reason;
    tx.create(MemberChangeEntity, { memberId: member.id, householdId: household.id, effectiveDate, reason: input.reason, changedBy: caller.subject, was, became: { left_on: effectiveDate, left_reason: input.reason } });
    // The one who left first: the new head is then the only HEAD present.
    await tx.flush();
    if (newHead) {
      const headWas = memberAttributes(newHead);
      newHead.relationToHead = Relation.HEAD;
      tx.create(MemberChangeEntity, { memberId: newHead.id, householdId: household.id, effectiveDate, reason: `new head: the head left (${input.reason})`, changedBy: caller.subject, was: headWas, became: { relation_to_head: Relation.HEAD } });
      await tx.flush();
    }
    return household;
  });
}

/** A dated change of a member's health status, disability grade or labor capacity, checked as at registration. */
export async function updateMember(em: EntityManager, input: UpdateMemberInput, caller: Caller): Promise<MemberEntity> {
  const reason = requireText(input.reason, 'reason', 500);
  if (input.healthStatus == null && input.disabilityGrade === undefined && input.laborCapacity == null) {
    throw new BadUserInputError('give at least one of healthStatus, disabilityGrade, laborCapacity', { field: 'input' });
  }
  return em.transactional(async (tx) => {
    const { member, household } = await memberForUpdate(tx, input.memberId, caller);
    if (member.leftOn) throw new BadUserInputError(`member left the household on ${member.leftOn}`, { field: 'memberId' });
    const effectiveDate = requireUpkeepDate(input.effectiveDate, household, { date: await lastChangeOf(tx, member.id), what: 'the last change of this member' });
    const was = memberAttributes(member);
    if (input.healthStatus != null) member.healthStatus = input.healthStatus;
    if (input.laborCapacity != null) member.laborCapacity = input.laborCapacity;
    // A member no longer DISABLED loses the grade unless one is given (which is then refused).
    if (input.disabilityGrade !== undefined) member.disabilityGrade = input.disabilityGrade;
    else if (member.healthStatus !== HealthStatus.DISABLED) member.disabilityGrade = null;
    checkDisabilityGrade(member.healthStatus, member.disabilityGrade, 'input');
    const now = memberAttributes(member);
    const became = Object.fromEntries(Object.entries(now).filter(([k, v]) => v !== was[k]));
    if (Object.keys(became).length === 0) throw new BadUserInputError('the change sets nothing the member does not already have', { field: 'input' });
    tx.create(MemberChangeEntity, { memberId: member.id, householdId: household.id, effectiveDate, reason, changedBy: caller.subject, was, became });
    await tx.flush();
    return member;
  });
}
