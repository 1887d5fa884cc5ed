import type { SubgraphContext } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { grantLoaders } from './grant/grant.loader.js';
import { schoolingLoaders } from './schooling/schooling.loader.js';

export function createLoaders(em: EntityManager) {
  return { ...schoolingLoaders(em), ...grantLoaders(em) };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;
