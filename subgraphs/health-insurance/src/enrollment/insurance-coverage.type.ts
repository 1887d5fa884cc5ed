import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('InsuranceCoverage', { description: 'Enrollment of the registered poor of a region in one year (参保率)' })
export class InsuranceCoverage {
  @Field(() => ID)
  regionCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'Registry members in the region and below' })
  members!: number;

  @Field(() => Int)
  insured!: number;

  @Field(() => Int)
  uninsured!: number;

  @Field(() => Float, { nullable: true, description: 'insured / members, 0 to 1; null when the region has no members (no rate to speak of)' })
  rate!: number | null;
}
