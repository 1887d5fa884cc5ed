import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class RecordRelocationInput {
  @Field(() => ID)
  householdId!: string;

  @Field({ description: '1 to 100 characters' })
  site!: string;

  @Field(() => Date, { description: 'Not in the future, not before 2014' })
  relocatedOn!: string;
}
