import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class RegisterRegionInput {
  @Field({ description: '12 digits; level and parent are derived from it' })
  code!: string;

  @Field()
  name!: string;

  @Field({ defaultValue: false })
  isPovertyVillage!: boolean;

  @Field(() => Int, { nullable: true })
  povertyVillageExitYear?: number | null;
}
