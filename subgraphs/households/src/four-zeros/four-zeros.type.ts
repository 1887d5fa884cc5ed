import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('VillageExit', { description: 'The village exit rule (贫困村出列): poverty incidence below the limit and enough of its poor lifted' })
export class VillageExit {
  @Field({ description: 'Whether the village meets the rule for the year (statuses as of 31 December)' })
  eligible!: boolean;

  @Field(() => Float, { nullable: true, description: 'Null while the rural population is not known (then it cannot be eligible)' })
  povertyIncidence!: number | null;

  @Field(() => Float, { description: 'Below this (0.02; 0.03 in the western provinces and areas, FUPIN_WESTERN_AREAS)' })
  incidenceLimit!: number;

  @Field(() => Float, { nullable: true, description: 'People of registered-poor households (POOR at any time) that are LIFTED, or MONITORED after having been LIFTED, on 31 December; of all people of registered-poor households; null with none' })
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

  @Field(() => Int, { nullable: true, description: 'Registry households in the region and below registered by 31 December of the year (REMOVED ones count nowhere)' })
  households?: number;

  @Field(() => Int, { nullable: true, description: 'People of households still POOR or RELAPSED on 31 December of the year (registered poor people not lifted)' })
  poorPeople?: number;

  @Field(() => Int, { nullable: true, description: "The region's rural population of the latest year up to this one that the county office has set" })
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

  @Field(() => Int, { description: 'The year it is counted for (2014 to next year); later years read it until another is set' })
  year!: number;

  @Field(() => Int, { description: 'Not negative; the denominator of poverty incidence' })
  ruralPopulation!: number;
}

@InputType({ description: 'A poverty village exits (贫困村出列) in a year: recorded only when it meets the village exit rule for that year' })
export class RecordVillageExitInput {
  @Field(() => ID, { description: 'A poverty village (贫困村) not yet exited' })
  villageCode!: string;

  @Field(() => Int, { description: 'The year it exits; the rule is read as of 31 December of it' })
  year!: number;

  @Field({ description: 'Why, for the audit trail (the county decision, 县级审定)' })
  reason!: string;
}
