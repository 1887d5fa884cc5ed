import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { SchoolStage, SchoolStatus } from './schooling.enums.js';

@ObjectType('Schooling', { description: "A person's schooling in one school year (the one starting in September of `year`)" })
export class Schooling {
  @Field(() => Int, { description: 'The school year starting in September of this year' })
  year!: number;

  @Field()
  school!: string;

  @Field(() => SchoolStage)
  stage!: SchoolStage;

  @Field(() => SchoolStatus)
  status!: SchoolStatus;

  @Field(() => DateTimeResolver, { description: 'When it was last recorded' })
  recordedAt!: Date;
}
