import type { SubgraphContext, z } from '@fupin/kit';
import type { healthSettings } from './household-coverage/coverage.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { claimLoaders } from './claim/claim.loader.js';
import { enrollmentLoaders } from './enrollment/enrollment.loader.js';
import { familyDoctorLoaders } from './family-doctor/family-doctor.loader.js';
import { medicalLoaders } from './household/medical.loader.js';

export function createLoaders(em: EntityManager) {
  return { ...enrollmentLoaders(em), ...claimLoaders(em), ...familyDoctorLoaders(em), ...medicalLoaders(em) };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders, z.infer<typeof healthSettings>>;
