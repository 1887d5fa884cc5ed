import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class SignFamilyDoctorContractInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => Int, { description: 'The contract year; signed again for the year, it replaces' })
  year!: number;

  @Field()
  doctorTeam!: string;

  @Field(() => Date, { description: 'In the contract year or the year before it, and not in the future' })
  signedOn!: string;
}
