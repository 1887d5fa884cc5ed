import { Connection } from '@fupin/kit';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MemberEntry } from '../department.js';
import type { EmploymentEntity } from '../employment/employment.entity.js';
import { Employment } from '../employment/employment.type.js';

export enum WithoutWorkReason {
  /** No employment record for the year: nobody has asked yet. */
  NO_RECORD = 'NO_RECORD',
  /** Recorded as UNEMPLOYED. */
  UNEMPLOYED = 'UNEMPLOYED',
  /** A job recorded with 0 months worked: not employed (domain.md, "Five batches"). */
  NO_MONTHS_WORKED = 'NO_MONTHS_WORKED',
}
registerEnumType(WithoutWorkReason, { name: 'WithoutWorkReason', description: 'Why a working-age member is on the without-work list' });

@ObjectType('MemberWithoutWork', { description: 'A member of working age with labor (SKILLED, ORDINARY or WEAK) not known to be employed in the year' })
export class MemberWithoutWork extends MemberEntry {
  @Field(() => Int, { description: 'Age on 31 December of the year' })
  age!: number;

  @Field(() => WithoutWorkReason)
  reason!: WithoutWorkReason;

  @Field(() => Employment, { nullable: true, description: 'The UNEMPLOYED or 0-month record; null when there is none' })
  employment!: Omit<EmploymentEntity, 'memberId' | 'recordedBy'> | null;
}

@ObjectType('MemberWithoutWorkConnection')
export class MemberWithoutWorkConnection extends Connection(MemberWithoutWork) {}
