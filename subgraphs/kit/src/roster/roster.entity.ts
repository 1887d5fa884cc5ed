import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A department's read-only view of one registry member (see ROSTER_TABLE_V1 and V2). */
@Entity({ tableName: 'roster' })
export class RosterMemberEntity {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @Property({ type: 'uuid' })
  householdId!: string;

  @Property({ type: 'string', columnType: 'char(12)' })
  villageCode!: string;

  @Property({ type: 'string', columnType: 'date' })
  birthDate!: string;

  @Property({ type: 'string' })
  laborCapacity!: string;

  @Property({ type: 'string' })
  healthStatus!: string;

  @Property({ type: 'string' })
  householdType!: string;

  @Property({ type: 'string' })
  householdStatus!: string;

  @Property({ type: 'string', nullable: true })
  idNumberIndex!: string | null;

  @Property({ type: 'string', nullable: true })
  householdNumber!: string | null;

  @Property({ type: 'boolean' })
  isHead!: boolean;

  /** Null: a member since the household was identified. */
  @Property({ type: 'string', columnType: 'date', nullable: true })
  joinedOn!: string | null;

  /** Null: still in the household. A member who left stays, for the years they counted in. */
  @Property({ type: 'string', columnType: 'date', nullable: true })
  leftOn!: string | null;
}
