import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A family-doctor contract (家庭医生签约服务) for one person and year; signed again, replaced. */
@Entity({ tableName: 'family_doctor_contract' })
export class FamilyDoctorContractEntity {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'string' })
  doctorTeam!: string;

  @Property({ type: 'string', columnType: 'date' })
  signedOn!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt: Opt<Date> = new Date();

  @Property({ type: 'string' })
  recordedBy!: string;
}
