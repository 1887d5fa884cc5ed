import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { RegionLevel } from './region-level.enum.js';

@ObjectType('Region', { description: 'An administrative division (行政区划), addressed by its 12-digit code' })
@Directive('@key(fields: "code")')
export class Region {
  @Field(() => ID)
  code!: string;

  @Field()
  name!: string;

  @Field(() => RegionLevel, { description: 'Derived from the code' })
  level!: RegionLevel;

  @Field({ description: '贫困村; only a VILLAGE can be one' })
  isPovertyVillage!: boolean;

  @Field(() => Int, { nullable: true, description: 'The year a poverty village exited (出列); null while it has not' })
  povertyVillageExitYear!: number | null;
}
