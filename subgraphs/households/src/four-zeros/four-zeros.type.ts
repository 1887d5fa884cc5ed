import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('VillageExit', { description: 'The village exit rule (贫困村出列): poverty incidence below the limit and enough of its poor lifted' })
export class VillageExit {
  @Field({ description: 'Whether the village meets the rule now' })
  eligible!: boolean;

  @Field(() => Float, { nullable: true, description: 'Null while the rural population is not known (then it cannot be eligible)' })
  povertyIncidence!: number | null;

  @Field(() => Float, { description: 'Below this (0.02; 0.03 in western provinces)' })
  incidenceLimit!: number;

  @Field(() => Float, { nullable: true, description: 'People of registered households that are LIFTED, of all people of registered households; null with none' })
  liftedShare!: number | null;

  @Field(() => Float, { description: 'At least this (0.98)' })
  liftedShareRequired!: number;
}

@ObjectType('FourZeros', { description: "A region's four zeros (四个清零) for a year, over every registry household in it and below, whatever its status: each count by the department that owns the data" })
@Directive('@key(fields: "regionCode year")')
export class FourZeros {
  @Field(() => ID)
  regionCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Registry households in the region and below' })
  households?: number;

  @Field(() => Int, { nullable: true, description: 'People of households still POOR or RELAPSED (registered poor people not lifted), now' })
  poorPeople?: number;

  @Field(() => Int, { nullable: true, description: "The region's rural population, when the county office has set it" })
  ruralPopulation?: number | null;

  @Field(() => Float, { nullable: true, description: '贫困发生率: poorPeople / ruralPopulation; null while the rural population is not known' })
  povertyIncidence?: number | null;

  @Field(() => VillageExit, { nullable: true, description: 'For a village: whether it meets the village exit rule; null for other levels' })
  villageExit?: VillageExit | null;
}

@InputType()
export class SetRuralPopulationInput {
  @Field(() => ID)
  regionCode!: string;

  @Field(() => Int, { description: 'Not negative; the denominator of poverty incidence' })
  ruralPopulation!: number;
}
