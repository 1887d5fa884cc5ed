import { assertWritable, BadUserInputError, HubError, NotFoundError, readRegionCode, regionPrefix, requireRegistryYear, requireText, todayInChina } from '@fupin/kit';
import { LockMode } from '@mikro-orm/core';
import type { Context } from '../loaders.js';
import { RegionEntity } from '../region/region.entity.js';
import type { RegistrySettings } from '../settings.js';
import type { RegistryFigures } from './four-zeros.loader.js';
import type { RecordVillageExitInput, VillageExit } from './four-zeros.type.js';

type ExitSettings = Pick<RegistrySettings, 'FUPIN_VILLAGE_EXIT_INCIDENCE' | 'FUPIN_VILLAGE_EXIT_INCIDENCE_WEST' | 'FUPIN_VILLAGE_EXIT_LIFTED_SHARE' | 'FUPIN_WESTERN_AREAS'>;

/** Whether a region lies in one of the configured western areas (西部, `FUPIN_WESTERN_AREAS`), itself or below one. */
export const isWestern = (code: string, westernAreas: readonly string[]): boolean => westernAreas.some((area) => code.startsWith(regionPrefix(area)));

/**
 * The village exit rule (贫困村出列) over a village's figures for a year: poverty incidence
 * below the limit (the western one in a western area) and at least the required share of its
 * registered poor lifted. Compared in integers: poor * 10000 < rural * limit(bp),
 * lifted * 10000 >= registered * required(bp).
 */
export function villageExitOf(code: string, f: RegistryFigures, settings: ExitSettings): VillageExit {
  const { FUPIN_VILLAGE_EXIT_INCIDENCE: limit, FUPIN_VILLAGE_EXIT_INCIDENCE_WEST: westLimit, FUPIN_VILLAGE_EXIT_LIFTED_SHARE: required } = settings;
  const incidenceLimit = isWestern(code, settings.FUPIN_WESTERN_AREAS) ? westLimit : limit;
  const bp = (share: number) => Math.round(share * 10_000);
  const povertyIncidence = f.ruralPopulation ? f.poorPeople / f.ruralPopulation : null;
  const liftedShare = f.registeredPeople ? f.liftedPeople / f.registeredPeople : null;
  const incidenceMet = f.ruralPopulation !== null && f.ruralPopulation > 0 && f.poorPeople * 10_000 < f.ruralPopulation * bp(incidenceLimit);
  const liftedMet = f.registeredPeople === 0 || f.liftedPeople * 10_000 >= f.registeredPeople * bp(required);
  return { eligible: incidenceMet && liftedMet, povertyIncidence, incidenceLimit, liftedShare, liftedShareRequired: required };
}

/** The village does not meet the exit rule for the year: nothing is recorded. */
export class VillageExitRuleNotMetError extends HubError {
  constructor(year: number, exit: VillageExit) {
    const why = [
      ...(exit.povertyIncidence === null ? ['the rural population is not set'] : exit.povertyIncidence >= exit.incidenceLimit ? [`poverty incidence ${exit.povertyIncidence.toFixed(4)} is not below ${exit.incidenceLimit}`] : []),
      ...(exit.liftedShare !== null && exit.liftedShare < exit.liftedShareRequired ? [`lifted share ${exit.liftedShare.toFixed(4)} is below ${exit.liftedShareRequired}`] : []),
    ];
    super(`the village does not meet the exit rule for ${year}: ${why.join('; ') || 'not eligible'}`, 'VILLAGE_EXIT_RULE_NOT_MET', { villageExit: { year, ...exit } });
  }
}

/**
 * 贫困村出列 for a year: a poverty village not yet exited, in the caller's jurisdiction, that
 * meets the village exit rule for the year (statuses as of 31 December); the region keeps the
 * year (`povertyVillageExitYear`), the audit row keeps who and why.
 */
export async function recordVillageExit(ctx: Context, input: RecordVillageExitInput): Promise<RegionEntity> {
  const facts = readRegionCode(input.villageCode);
  if (typeof facts === 'string') throw new BadUserInputError(`villageCode ${facts}`, { field: 'villageCode' });
  requireRegistryYear(input.year);
  if (input.year > Number(todayInChina().slice(0, 4))) throw new BadUserInputError('year must not be after this year', { field: 'year' });
  requireText(input.reason, 'reason', 500);
  assertWritable(ctx.caller, input.villageCode, 'region');
  const region = await ctx.em.findOne(RegionEntity, { code: input.villageCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!region) throw new NotFoundError('region', { field: 'villageCode' });
  if (facts.level !== 'VILLAGE' || !region.isPovertyVillage) throw new BadUserInputError('only a poverty village (贫困村) exits', { field: 'villageCode' });
  if (region.povertyVillageExitYear !== null) throw new HubError(`the village exited in ${region.povertyVillageExitYear} already`, 'VILLAGE_ALREADY_EXITED', { exitYear: region.povertyVillageExitYear });
  const exit = villageExitOf(region.code, await ctx.loaders.registryFiguresByRegion.load({ regionCode: region.code, year: input.year }), ctx.settings);
  if (!exit.eligible) throw new VillageExitRuleNotMetError(input.year, exit);
  region.povertyVillageExitYear = input.year;
  await ctx.em.flush();
  return region;
}
