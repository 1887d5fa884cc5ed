import { DateTimeResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../graphql/pagination.js';

// Every subgraph serves its own audit log in this one shape: value types shared in the supergraph.

@ObjectType('AuditEntry', { description: 'One row of a subgraph’s append-only, hash-chained audit log' })
@Directive('@shareable')
export class AuditLogEntry {
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
@Directive('@shareable')
export class AuditEntryConnection extends Connection(AuditLogEntry) {}
