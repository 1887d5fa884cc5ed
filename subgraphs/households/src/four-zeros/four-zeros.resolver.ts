import { BadUserInputError, countFourZerosYear, type FourZerosKey, inJurisdiction, NotFoundError, READERS, readRegionCode, refuseRead, requireRegistryYear } from '@fupin/kit';
import { assertWritable } from '../access.js';
import { Arg, Authorized, Ctx, FieldResolver, Float, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../loaders.js';
import { RegionEntity } from '../region/region.entity.js';
import { Region } from '../region/region.type.js';
import { FourZeros, RecordVillageExitInput, SetRuralPopulationInput, VillageExit } from './four-zeros.type.js';
import { recordVillageExit, villageExitOf } from './village-exit.js';

@Resolver(() => Region)
export class RegionFourZerosResolver {
  @Authorized(...READERS)
  @FieldResolver(() => FourZeros, { nullable: true, description: 'The four zeros (四个清零) of the region and every region below it, for the year; within your jurisdiction' })
  async fourZeros(@Root() region: RegionEntity, @Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<FourZerosKey> {
    requireRegistryYear(year);
    countFourZerosYear(ctx, year);
    // Ancestors are visible by name; their figures are not.
    if (!inJurisdiction(ctx.caller, region.code)) return refuseRead(ctx, 'Region.fourZeros', region.code, 'region is outside your jurisdiction');
    return { regionCode: region.code, year };
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER')
  @Mutation(() => Region, { description: "Sets a region's rural population (农村人口) for a year, the denominator of poverty incidence; a year reads the latest one set up to it" })
  async setRuralPopulation(@Arg('input', () => SetRuralPopulationInput) input: SetRuralPopulationInput, @Ctx() ctx: Context): Promise<RegionEntity> {
    if (typeof readRegionCode(input.regionCode) === 'string') throw new BadUserInputError('regionCode must be a 12-digit region code', { field: 'regionCode' });
    if (!Number.isInteger(input.ruralPopulation) || input.ruralPopulation < 0) throw new BadUserInputError('ruralPopulation must not be negative', { field: 'ruralPopulation' });
    requireRegistryYear(input.year);
    // Jurisdiction before existence: a region outside it is refused whether or not it exists.
    assertWritable(ctx.caller, input.regionCode, 'region');
    const region = await ctx.em.findOne(RegionEntity, { code: input.regionCode });
    if (!region) throw new NotFoundError('region', { field: 'regionCode' });
    await ctx.em.getConnection().execute(
      `insert into region_rural_population (region_code, year, rural_population) values (?, ?, ?)
       on conflict (region_code, year) do update set rural_population = excluded.rural_population`,
      [input.regionCode, input.year, input.ruralPopulation],
      'run',
      ctx.em.getTransactionContext(),
    );
    return region;
  }

  @Authorized('ADMIN', 'COUNTY_OFFICER')
  @Mutation(() => Region, {
    description:
      'Records that a poverty village exited (贫困村出列) in a year; refused with VILLAGE_EXIT_RULE_NOT_MET (and the figures) when it does not meet the village exit rule for that year, VILLAGE_ALREADY_EXITED when it has exited before',
  })
  recordVillageExit(@Arg('input', () => RecordVillageExitInput) input: RecordVillageExitInput, @Ctx() ctx: Context): Promise<RegionEntity> {
    return recordVillageExit(ctx, input);
  }
}

@Resolver(() => FourZeros)
export class FourZerosResolver {
  @FieldResolver(() => Int, { nullable: true })
  async households(@Root() z: FourZerosKey, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.registryFiguresByRegion.load(z)).households;
  }

  @FieldResolver(() => Int, { nullable: true })
  async poorPeople(@Root() z: FourZerosKey, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.registryFiguresByRegion.load(z)).poorPeople;
  }

  @FieldResolver(() => Int, { nullable: true })
  async ruralPopulation(@Root() z: FourZerosKey, @Ctx() ctx: Context): Promise<number | null> {
    return (await ctx.loaders.registryFiguresByRegion.load(z)).ruralPopulation;
  }

  @FieldResolver(() => Float, { nullable: true })
  async povertyIncidence(@Root() z: FourZerosKey, @Ctx() ctx: Context): Promise<number | null> {
    const f = await ctx.loaders.registryFiguresByRegion.load(z);
    return f.ruralPopulation ? f.poorPeople / f.ruralPopulation : null;
  }

  @FieldResolver(() => VillageExit, { nullable: true })
  async villageExit(@Root() z: FourZerosKey, @Ctx() ctx: Context): Promise<VillageExit | null> {
    const facts = readRegionCode(z.regionCode);
    if (typeof facts === 'string' || facts.level !== 'VILLAGE') return null;
    return villageExitOf(z.regionCode, await ctx.loaders.registryFiguresByRegion.load(z), ctx.settings);
  }
}
