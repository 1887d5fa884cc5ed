import 'reflect-metadata';
import { federatedSchema, type SubgraphDefinition } from '@fupin/kit';
import { CoverageGapResolver, CoverageResolver } from './household-coverage/coverage.resolver.js';
import { FourZerosResolver, RegionFourZerosResolver } from './four-zeros/four-zeros.resolver.js';
import { Migration20261123000000_registry } from '../migrations/Migration20261123000000_registry.js';
import { Migration20261123100000_encrypt_id_numbers } from '../migrations/Migration20261123100000_encrypt_id_numbers.js';
import { Migration20261123300000_roster } from '../migrations/Migration20261123300000_roster.js';
import { Migration20261202120000_roster_household_index } from '../migrations/Migration20261202120000_roster_household_index.js';
import { Migration20261202130000_roster_v2 } from '../migrations/Migration20261202130000_roster_v2.js';
import { Migration20261202160000_exit_evidence } from '../migrations/Migration20261202160000_exit_evidence.js';
import { Migration20261202170000_rural_population } from '../migrations/Migration20261202170000_rural_population.js';
import { Migration20261202180000_roster_village_index } from '../migrations/Migration20261202180000_roster_village_index.js';
import { Migration20261202190000_village_figures } from '../migrations/Migration20261202190000_village_figures.js';
import { Migration20261206030000_registry_upkeep } from '../migrations/Migration20261206030000_registry_upkeep.js';
import { HouseholdChangeEntity } from './household/household-change.entity.js';
import { HouseholdAsOfResolver } from './household-history/household-as-of.resolver.js';
import { MemberChangeEntity } from './member/member-change.entity.js';
import { Migration20261206120000_roster_ever_poor } from '../migrations/Migration20261206120000_roster_ever_poor.js';
import { Migration20261206120100_figures_by_year } from '../migrations/Migration20261206120100_figures_by_year.js';
import { Migration20261206100000_status_procedure } from '../migrations/Migration20261206100000_status_procedure.js';
import { HouseholdEntity } from './household/household.entity.js';
import { IncomeEntity } from './household/income.entity.js';
import { StatusChangeEntity } from './household/status-change.entity.js';
import { createLoaders, type Loaders } from './loaders.js';
import { wantVillageFigures, warmVillageFigures } from './four-zeros/four-zeros.loader.js';
import { MemberEntity } from './member/member.entity.js';
import { sealLegacyIdNumbers } from './member/seal-legacy-id-numbers.js';
import { RegionEntity } from './region/region.entity.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { householdReference } from './household/household.reference.js';
import { HouseholdResolver } from './household/household.resolver.js';
import { memberReference } from './member/member.reference.js';
import { MemberResolver } from './member/member.resolver.js';
import { regionReference } from './region/region.reference.js';
import { RegionResolver } from './region/region.resolver.js';
import { StatusChangeObjectionEntity, StatusChangeProposalEntity } from './status-change/status-change-proposal.entity.js';
import { HouseholdStatusChangesResolver, StatusChangeResolver } from './status-change/status-change.resolver.js';
import { registrySettings } from './settings.js';

/** The registry (建档立卡): regions, households, members. */
export const households: SubgraphDefinition<Loaders> = {
  name: 'households',
  entities: [RegionEntity, HouseholdEntity, IncomeEntity, StatusChangeEntity, StatusChangeProposalEntity, StatusChangeObjectionEntity, MemberEntity, HouseholdChangeEntity, MemberChangeEntity],
  migrations: [
    { name: 'Migration20261123000000_registry', class: Migration20261123000000_registry },
    { name: 'Migration20261123100000_encrypt_id_numbers', class: Migration20261123100000_encrypt_id_numbers },
    { name: 'Migration20261123300000_roster', class: Migration20261123300000_roster },
    { name: 'Migration20261202120000_roster_household_index', class: Migration20261202120000_roster_household_index },
    { name: 'Migration20261202130000_roster_v2', class: Migration20261202130000_roster_v2 },
    { name: 'Migration20261202160000_exit_evidence', class: Migration20261202160000_exit_evidence },
    { name: 'Migration20261202170000_rural_population', class: Migration20261202170000_rural_population },
    { name: 'Migration20261202180000_roster_village_index', class: Migration20261202180000_roster_village_index },
    { name: 'Migration20261202190000_village_figures', class: Migration20261202190000_village_figures },
    { name: 'Migration20261206030000_registry_upkeep', class: Migration20261206030000_registry_upkeep },
    { name: 'Migration20261206100000_status_procedure', class: Migration20261206100000_status_procedure },
    { name: 'Migration20261206120000_roster_ever_poor', class: Migration20261206120000_roster_ever_poor },
    { name: 'Migration20261206120100_figures_by_year', class: Migration20261206120100_figures_by_year },
  ],
  schema: federatedSchema(
    'households',
    { resolvers: [RegionResolver, HouseholdResolver, HouseholdAsOfResolver, CoverageResolver, CoverageGapResolver, RegionFourZerosResolver, FourZerosResolver, MemberResolver, StatusChangeResolver, HouseholdStatusChangesResolver, AuditResolver] },
    { ...regionReference, ...householdReference, ...memberReference },
  ),
  settings: registrySettings,
  loaders: createLoaders,
  upkeep: (em) => warmVillageFigures(em),
  wantFigures: (em, years) => wantVillageFigures(em, years),
  appendOnly: ['household_status_change', 'status_change_objection', 'household_change', 'member_change'],
  publishesRoster: true,
  personalData: [
    'Member.name', 'Member.maskedIdNumber', 'Member.gender', 'Member.birthDate', 'Member.healthStatus', 'Member.disabilityGrade',
    'Household.incomePerCapita', 'Household.helper', 'Query.memberByIdNumber', 'Mutation.revealIdNumber',
  ],
  prepare: async (em, pii) => {
    await sealLegacyIdNumbers(em, pii);
  },
  // Registry upkeep from other offices' lists, keyed by ID number (`npm run import -- households deaths file.csv`).
  imports: async () => ({ deaths: (await import('./member/deaths.import.js')).deathsImport }),
  demo: async (options) => {
    const { seedRegistry } = await import('./demo/load-registry.js');
    const report = await seedRegistry(options.databaseUrl, { piiKey: options.piiKey, households: options.households, seed: options.seed, replace: options.replace ?? false, progress: options.progress ?? false });
    return `registry: ${report.households} households, ${report.members} members, ${report.regions} regions in ${report.seconds.toFixed(1)} s (${Math.round(report.households / report.seconds)} households/s)`;
  },
};
export { seedRegistry, type SeedOptions, type SeedReport } from './demo/load-registry.js';
export { generatedIdNumbers } from './demo/registry-generator.js';
export default households;
