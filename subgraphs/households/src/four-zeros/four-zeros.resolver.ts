import { BadUserInputError, countFourZerosYear, type FourZerosKey, inJurisdiction, NotFoundError, READERS, readRegionCode, refuseRead, requireRegistryYear } from '@fupin/kit';
import { assertWritable } from '../access.js';
import { Arg, Authorized, Ctx, FieldResolver, Float, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../loaders.js';
import { RegionEntity } from '../region/region.entity.js';
import { Region } from '../region/region.type.js';
import { FourZeros, SetRuralPopulationInput, VillageExit } from './four-zeros.type.js';

/** 西部: the provinces whose villages exit below 3% instead of 2% (the twelve of 西部大开发). */
const WESTERN_PROVINCES = new Set(['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']);

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
  @Mutation(() => Region, { description: "Sets a region's rural population (农村人口), the denominator of poverty incidence" })
  async setRuralPopulation(@Arg('input', () => SetRuralPopulationInput) input: SetRuralPopulationInput, @Ctx() ctx: Context): Promise<RegionEntity> {
    if (typeof readRegionCode(input.regionCode) === 'string') throw new BadUserInputError('regionCode must be a 12-digit region code', { field: 'regionCode' });
    if (!Number.isInteger(input.ruralPopulation) || input.ruralPopulation < 0) throw new BadUserInputError('ruralPopulation must not be negative', { field: 'ruralPopulation' });
    // Jurisdiction before existence: a region outside it is refused whether or not it exists.
    assertWritable(ctx.caller, input.regionCode, 'region');
    const region = await ctx.em.findOne(RegionEntity, { code: input.regionCode });
    if (!region) throw new NotFoundError('region', { field: 'regionCode' });
    region.ruralPopulation = input.ruralPopulation;
    await ctx.em.flush();
    return region;
  }
}

@Resolver(() => FourZeros)
export class FourZerosResolver {
  @FieldResolver(() => Int, { nullable: true })
  async households(@Root() z: FourZerosKey, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.registryFiguresByRegion.load(z.regionCode)).households;
  }

  @FieldResolver(() => Int, { nullable: true })
  async poorPeople(@Root() z: FourZerosKey, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.registryFiguresByRegion.load(z.regionCode)).poorPeople;
  }

  @FieldResolver(() => Int, { nullable: true })
  async ruralPopulation(@Root() z: FourZerosKey, @Ctx() ctx: Context): Promise<number | null> {
    return (await ctx.loaders.registryFiguresByRegion.load(z.regionCode)).ruralPopulation;
  }

  @FieldResolver(() => Float, { nullable: true })
  async povertyIncidence(@Root() z: FourZerosKey, @Ctx() ctx: Context): Promise<number | null> {
    const f = await ctx.loaders.registryFiguresByRegion.load(z.regionCode);
    return f.ruralPopulation ? f.poorPeople / f.ruralPopulation : null;
  }

  @FieldResolver(() => VillageExit, { nullable: true })
  async villageExit(@Root() z: FourZerosKey, @Ctx() ctx: Context): Promise<VillageExit | null> {
    const facts = readRegionCode(z.regionCode);
    if (typeof facts === 'string' || facts.level !== 'VILLAGE') return null;
    const f = await ctx.loaders.registryFiguresByRegion.load(z.regionCode);
    const { FUPIN_VILLAGE_EXIT_INCIDENCE: limit, FUPIN_VILLAGE_EXIT_INCIDENCE_WEST: westLimit, FUPIN_VILLAGE_EXIT_LIFTED_SHARE: required } = ctx.settings;
    const incidenceLimit = WESTERN_PROVINCES.has(z.regionCode.slice(0, 2)) ? westLimit : limit;
    // Compared in integers: poor * 10000 < rural * limit(bp), lifted * 10000 >= registered * required(bp).
    const bp = (share: number) => Math.round(share * 10_000);
    const povertyIncidence = f.ruralPopulation ? f.poorPeople / f.ruralPopulation : null;
    const liftedShare = f.registeredPeople ? f.liftedPeople / f.registeredPeople : null;
    const incidenceMet = f.ruralPopulation !== null && f.ruralPopulation > 0 && f.poorPeople * 10_000 < f.ruralPopulation * bp(incidenceLimit);
    const liftedMet = f.registeredPeople === 0 || f.liftedPeople * 10_000 >= f.registeredPeople * bp(required);
    return { eligible: incidenceMet && liftedMet, povertyIncidence, incidenceLimit, liftedShare, liftedShareRequired: required };
  }
}
