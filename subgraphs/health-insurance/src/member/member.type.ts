import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The registry's member (households owns it), with this department's records about them. */
@ObjectType('Member')
@Directive('@key(fields: "id")')
export class Member {
  @Field(() => ID)
  id!: string;
}
