import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The registry's household (households owns it), with its medical figures. */
@ObjectType('Household')
@Directive('@key(fields: "id")')
export class Household {
  @Field(() => ID)
  id!: string;
}
