import 'reflect-metadata';
import type { SubgraphDefinition } from '@fupin/kit';
import { Migration20261123000000_registry } from '../migrations/Migration20261123000000_registry.js';
import { Migration20261123100000_encrypt_id_numbers } from '../migrations/Migration20261123100000_encrypt_id_numbers.js';
import { Migration20261123300000_roster } from '../migrations/Migration20261123300000_roster.js';
import { HouseholdEntity } from './household/household.entity.js';
import { IncomeEntity } from './household/income.entity.js';
import { StatusChangeEntity } from './household/status-change.entity.js';
import { createLoaders, type Loaders } from './loaders.js';
import { MemberEntity } from './member/member.entity.js';
import { sealLegacyIdNumbers } from './member/seal-legacy-id-numbers.js';
import { RegionEntity } from './region/region.entity.js';
import { householdsSchema } from './schema.js';

/** The registry (建档立卡): regions, households, members. */
export const households: SubgraphDefinition<Loaders> = {
  name: 'households',
  defaultPort: 4001,
  entities: [RegionEntity, HouseholdEntity, IncomeEntity, StatusChangeEntity, MemberEntity],
  migrations: [
    { name: 'Migration20261123000000_registry', class: Migration20261123000000_registry },
    { name: 'Migration20261123100000_encrypt_id_numbers', class: Migration20261123100000_encrypt_id_numbers },
    { name: 'Migration20261123300000_roster', class: Migration20261123300000_roster },
  ],
  schema: householdsSchema,
  loaders: createLoaders,
  appendOnly: ['household_status_change'],
  publishesRoster: true,
  personalData: [
    'Member.name', 'Member.maskedIdNumber', 'Member.gender', 'Member.birthDate', 'Member.healthStatus', 'Member.disabilityGrade',
    'Household.incomePerCapita', 'Household.helper', 'Query.memberByIdNumber', 'Mutation.revealIdNumber',
  ],
  prepare: async (em, pii) => {
    await sealLegacyIdNumbers(em, pii);
  },
};
export { seedRegistry, type SeedOptions, type SeedReport } from './demo/load-registry.js';
export { generatedIdNumbers } from './demo/registry-generator.js';
