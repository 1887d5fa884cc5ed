import { Field, ObjectType } from 'type-graphql';
import { HousingAppraisal } from '../appraisal/appraisal.type.js';
import { Relocation } from '../relocation/relocation.type.js';
import { Renovation } from '../renovation/renovation.type.js';
import { UnsafeHousingReason } from './housing.rule.js';

/** What `Household.housing` resolves to: its fields are loaded only when asked. */
export interface HousingOf {
  householdId: string;
}

@ObjectType('Housing', { description: "A household's housing today, from every record (住房安全有保障)" })
export class Housing {
  @Field({ description: 'Relocated, or the latest appraisal A or B, or C/D with a qualifying renovation completed on or after it' })
  safe!: boolean;

  @Field(() => UnsafeHousingReason, { nullable: true, description: 'Why it is not safe; null when it is' })
  unsafeReason!: UnsafeHousingReason | null;

  @Field(() => HousingAppraisal, { nullable: true })
  latestAppraisal!: HousingAppraisal | null;

  @Field(() => [HousingAppraisal], { description: 'Oldest first' })
  appraisals!: HousingAppraisal[];

  @Field(() => [Renovation], { description: 'Oldest first' })
  renovations!: Renovation[];

  @Field(() => Relocation, { nullable: true, description: 'The latest relocation; null when never relocated' })
  relocation!: Relocation | null;
}
