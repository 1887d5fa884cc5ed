import { RecordedEntity } from '@fupin/kit';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A family-doctor contract (家庭医生签约服务) for one person and year; signed again, replaced. */
@Entity({ tableName: 'family_doctor_contract' })
export class FamilyDoctorContractEntity extends RecordedEntity {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'string' })
  doctorTeam!: string;

  @Property({ type: 'string', columnType: 'date' })
  signedOn!: string;
}
