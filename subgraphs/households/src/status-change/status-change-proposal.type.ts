import { Connection } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { PovertyStatus } from '../household/household.enums.js';

@ObjectType('StatusChangeObjection', { description: 'An objection raised while the change was published (公示)' })
export class StatusChangeObjection {
  @Field()
  objection!: string;

  @Field({ description: 'Who wrote it down' })
  recordedBy!: string;

  @Field(() => DateTimeResolver)
  recordedAt!: Date;
}

@ObjectType('StatusChangeProposal', { description: 'A status change through its procedure: proposed, published (exits), reviewed by the township (exits), decided by the county; kept whatever its end' })
export class StatusChangeProposal {
  @Field(() => ID)
  id!: string;

  @Field(() => PovertyStatus)
  fromStatus!: PovertyStatus;

  @Field(() => PovertyStatus)
  toStatus!: PovertyStatus;

  @Field(() => Date)
  effectiveDate!: string;

  @Field()
  reason!: string;

  @Field()
  proposedBy!: string;

  @Field(() => DateTimeResolver)
  proposedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'For an exit: the last day of the notice period (公示), China time; the township reviews from that day' })
  noticeEndsOn!: string | null;

  @Field(() => String, { nullable: true })
  reviewedBy!: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true })
  reviewReason!: string | null;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decisionReason!: string | null;

  @Field(() => String, { nullable: true })
  withdrawnBy!: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => String, { nullable: true })
  withdrawalReason!: string | null;

  @Field(() => DateTimeResolver, { description: 'When it reached its current step' })
  stepSince!: Date;
}

@ObjectType('StatusChangeProposalConnection')
export class StatusChangeProposalConnection extends Connection(StatusChangeProposal) {}
