import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class RecordTrainingInput {
  @Field(() => ID)
  memberId!: string;

  @Field({ description: '1 to 100 characters' })
  course!: string;

  @Field(() => Int, { description: '1 to 2000' })
  hours!: number;

  @Field(() => String, { nullable: true, description: 'The certificate it earned, 1 to 100 characters; null when none' })
  certificate?: string | null;

  @Field(() => Date, { description: 'The day the course ended; not in the future, not before 2014' })
  trainedOn!: string;
}
