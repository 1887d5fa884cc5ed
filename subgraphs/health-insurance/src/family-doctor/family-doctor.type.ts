import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('FamilyDoctorContract', { description: 'Family-doctor contract (家庭医生签约服务), chiefly for chronic illness' })
export class FamilyDoctorContract {
  @Field(() => Int)
  year!: number;

  @Field({ description: 'The contracted doctor or team (签约医生/团队)' })
  doctorTeam!: string;

  @Field(() => Date)
  signedOn!: string;
}
