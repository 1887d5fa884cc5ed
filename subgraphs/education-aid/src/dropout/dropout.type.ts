import { Connection, PageArgs } from '@fupin/kit';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MemberEntry } from '../department.js';
import type { SchoolingEntity } from '../schooling/schooling.entity.js';
import { Schooling } from '../schooling/schooling.type.js';

export enum DropoutReason {
  /** No schooling record for the school year: nobody has confirmed the child is in school. */
  NO_RECORD = 'NO_RECORD',
  /** 辍学 */
  DROPPED_OUT = 'DROPPED_OUT',
}
registerEnumType(DropoutReason, { name: 'DropoutReason', description: 'Why a compulsory-age child is on the dropout roster' });

@ObjectType('Dropout', { description: 'A compulsory-age child not known to be in school in the school year (控辍保学)' })
export class Dropout extends MemberEntry {
  @Field(() => Int, { description: 'Age on 31 August of the year' })
  age!: number;

  @Field(() => DropoutReason)
  reason!: DropoutReason;

  @Field(() => Schooling, { nullable: true, description: 'The DROPPED_OUT record; null when there is none' })
  schooling!: Pick<SchoolingEntity, 'year' | 'school' | 'stage' | 'status' | 'recordedAt'> | null;
}

@ObjectType('DropoutConnection')
export class DropoutConnection extends Connection(Dropout) {}

@ArgsType()
export class DropoutsArgs extends PageArgs {
  @Field(() => ID, { description: 'A region (or 000000000000, the country): its villages and every one below it' })
  regionCode!: string;

  @Field(() => Int, { description: 'The school year starting in September of this year' })
  year!: number;
}
