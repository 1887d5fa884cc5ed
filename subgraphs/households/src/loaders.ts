import type { SubgraphContext } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fourZerosLoaders } from './four-zeros/four-zeros.loader.js';
import { householdAsOfLoaders } from './household-history/household-as-of.loader.js';
import { householdLoaders } from './household/household.loader.js';
import { memberLoaders } from './member/member.loader.js';
import { regionLoaders } from './region/region.loader.js';
import type { RegistrySettings } from './settings.js';
import { statusChangeLoaders } from './status-change/status-change.loader.js';

export function createLoaders(em: EntityManager, upkeepNow: () => void = () => {}) {
  return { ...regionLoaders(em), ...householdLoaders(em), ...memberLoaders(em), ...fourZerosLoaders(em, upkeepNow), ...householdAsOfLoaders(em), ...statusChangeLoaders(em) };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders, RegistrySettings>;
