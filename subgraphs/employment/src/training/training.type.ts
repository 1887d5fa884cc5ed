import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('Training', { description: 'A skills-training course a person finished (技能培训)' })
export class Training {
  @Field(() => ID)
  id!: string;

  @Field()
  course!: string;

  @Field(() => Int)
  hours!: number;

  @Field(() => String, { nullable: true, description: 'The certificate it earned (职业资格证书, 培训合格证); null when none' })
  certificate!: string | null;

  @Field(() => Date, { description: 'The day the course ended' })
  trainedOn!: string;

  @Field(() => DateTimeResolver)
  recordedAt!: Date;
}
