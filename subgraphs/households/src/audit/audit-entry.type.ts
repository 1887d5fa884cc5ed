import { Connection } from '@fupin/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('AuditEntry', { description: 'One row of the append-only, hash-chained audit log' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeResolver)
  at!: Date;

  @Field({ description: 'Subject (sub) of the caller' })
  actor!: string;

  @Field()
  role!: string;

  @Field({ description: "The caller's jurisdiction" })
  region!: string;

  @Field()
  action!: string;

  @Field(() => ID, { nullable: true })
  subjectId!: string | null;

  @Field({ description: 'ALLOWED or REFUSED' })
  outcome!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  correlationId!: string | null;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection extends Connection(AuditEntry) {}
