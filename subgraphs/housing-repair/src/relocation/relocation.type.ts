import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Relocation', { description: 'A move to a resettlement site (易地扶贫搬迁)' })
export class Relocation {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The resettlement site (安置点)' })
  site!: string;

  @Field(() => Date)
  relocatedOn!: string;

  @Field(() => DateTimeResolver)
  recordedAt!: Date;
}
