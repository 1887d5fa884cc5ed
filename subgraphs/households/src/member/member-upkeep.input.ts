import { Field, ID, InputType, Int } from 'type-graphql';
import { HealthStatus, JoinReason, LaborCapacity, LeaveReason } from './member.enums.js';
import { MemberInput } from './member.input.js';

@InputType({ description: 'A member joins a registered household (birth, marriage, other) on a date' })
export class AddMemberInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => Date, { description: 'The day the member joined; not in the future, not before the household was identified' })
  effectiveDate!: string;

  @Field(() => JoinReason)
  reason!: JoinReason;

  @Field(() => MemberInput)
  member!: MemberInput;
}

@InputType({ description: 'A member leaves the household (death, marriage out, moved away, other) on a date; the row stays, for the years they counted in' })
export class RemoveMemberInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Date, { description: 'The day the member left: they do not count at the end of it' })
  effectiveDate!: string;

  @Field(() => LeaveReason)
  reason!: LeaveReason;

  @Field(() => ID, { nullable: true, description: 'When the HEAD leaves while others stay: the member who becomes head' })
  newHeadId?: string | null;
}

@InputType({ description: "A dated change of a member's health, disability grade or labor capacity" })
export class UpdateMemberInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Date)
  effectiveDate!: string;

  @Field()
  reason!: string;

  @Field(() => HealthStatus, { nullable: true })
  healthStatus?: HealthStatus | null;

  @Field(() => Int, { nullable: true, description: '1-4, only for a DISABLED member; a member no longer DISABLED loses the grade' })
  disabilityGrade?: number | null;

  @Field(() => LaborCapacity, { nullable: true })
  laborCapacity?: LaborCapacity | null;
}
