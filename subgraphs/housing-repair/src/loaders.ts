import type { SubgraphContext } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fourZerosLoaders } from './four-zeros/four-zeros.loader.js';
import { housingLoaders } from './housing/housing.loader.js';

export function createLoaders(em: EntityManager) {
  return { ...housingLoaders(em), ...fourZerosLoaders(em) };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;
