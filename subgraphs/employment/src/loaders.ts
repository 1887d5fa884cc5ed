import type { SubgraphContext } from '@fupin/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { employmentLoaders } from './employment/employment.loader.js';
import { industrySupportLoaders } from './industry-support/industry-support.loader.js';
import { trainingLoaders } from './training/training.loader.js';

export function createLoaders(em: EntityManager) {
  return { ...employmentLoaders(em), ...trainingLoaders(em), ...industrySupportLoaders(em) };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;
