import type { SubgraphContext } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { housingLoaders } from './housing/housing.loader.js';

export function createLoaders(em: EntityManager) {
  return { ...housingLoaders(em) };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;
